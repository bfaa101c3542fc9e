// Wiring only: picks the language, then mounts the diagnosis page for this address.
import { render } from 'preact';
import { takeContext } from '../../src/platform/diagnosis-contexts';
import { parseDiagnosisRequest } from '../../src/platform/diagnosis-link';
import { loadSettings } from '../../src/platform/settings';
import { DiagnosisApp } from '../../src/ui/diagnosis-app';
import { applyLanguageSetting } from '../../src/ui/i18n';
import { loadKnowledgeBase } from '../../src/ui/knowledge-entries';
import '../../src/ui/diagnosis.css';

async function start() {
  const settings = await loadSettings().catch(() => undefined);
  applyLanguageSetting(settings?.language ?? 'auto');
  render(
    <DiagnosisApp
      request={parseDiagnosisRequest(location.search)}
      loadKnowledge={loadKnowledgeBase}
      loadContext={(key) => takeContext(key)}
    />,
    document.getElementById('app') as HTMLElement,
  );
}

void start();

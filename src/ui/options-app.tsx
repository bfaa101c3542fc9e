/**
 * The options page: sites, appearance, custom signatures, backup, privacy. It reads
 * settings and custom signatures from storage and re-renders when they change anywhere
 * (the popup can switch a host off while this page is open).
 */
import { useEffect, useState } from 'preact/hooks';
import { getBundledIds } from '../platform/custom-bundled-ids';
import { customSignaturesItem, EMPTY_CUSTOM, type CustomSignatures } from '../platform/custom-signatures';
import { loadCustomChecked } from '../platform/custom-store';
import { storedCustomEntries, storedCustomFiles } from '../platform/custom-stored';
import { grantedOptionalSites } from '../platform/permissions';
import { loadSettings, sanitizeSettings, settingsItem, type Settings } from '../platform/settings';
import { SITE_ADAPTERS } from '../sites';
import type { SiteAdapter } from '../sites/types';
import { applyLanguageSetting, t } from './i18n';
import { AppearanceSection } from './options-appearance';
import { BackupSection } from './options-backup';
import { PrivacySection } from './options-privacy';
import { SignaturesSection } from './options-signatures';
import { SitesSection } from './options-sites';

export interface OptionsAppProps {
  adapters?: readonly SiteAdapter[];
  bundledIds?: ReadonlySet<string>;
}

/** Applies the language setting before anything renders with it. */
function applyLanguage(settings: Settings): void {
  applyLanguageSetting(settings.language);
  document.title = t('optionsTitle');
}

export function OptionsApp({ adapters = SITE_ADAPTERS, bundledIds = getBundledIds() }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [custom, setCustom] = useState<CustomSignatures>(EMPTY_CUSTOM);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [storedProblems, setStoredProblems] = useState<string[]>([]);

  const showSettings = (next: Settings) => {
    applyLanguage(next);
    setSettings(next);
  };
  const refreshGranted = async () => setGranted(await grantedOptionalSites(adapters));

  useEffect(() => {
    let live = true;
    void Promise.all([loadSettings(), loadCustomChecked(bundledIds), grantedOptionalSites(adapters)]).then(([s, c, g]) => {
      if (!live) return;
      showSettings(s);
      setCustom(c.custom);
      setStoredProblems(c.problems);
      setGranted(g);
    });
    const unwatchSettings = settingsItem.watch((value) => showSettings(sanitizeSettings(value)));
    const unwatchCustom = customSignaturesItem.watch((value) => setCustom({ files: storedCustomFiles(value), entries: storedCustomEntries(value) }));
    return () => {
      live = false;
      unwatchSettings();
      unwatchCustom();
    };
  }, [adapters]);

  if (!settings) return <main class="options" aria-busy="true" />;

  return (
    <div class="page">
      <header class="topbar">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <nav class="toc" aria-label={t('optionsNavLabel')}>
        <a href="#sites">{t('optionsSitesHeading')}</a>
        <a href="#appearance">{t('optionsAppearanceHeading')}</a>
        <a href="#signatures">{t('optionsSignaturesHeading')}</a>
        <a href="#backup">{t('optionsBackupHeading')}</a>
        <a href="#privacy">{t('optionsPrivacyHeading')}</a>
      </nav>
      <main class="options">
        <SitesSection
          adapters={adapters}
          settings={settings}
          granted={granted}
          onSettings={showSettings}
          onPermissionsChanged={refreshGranted}
        />
        <AppearanceSection settings={settings} onSettings={showSettings} />
        {storedProblems.length > 0 && (
          <div class="problems" role="alert">
            <p class="problems-heading">{t('optionsStoredRepaired')}</p>
            <ul>
              {storedProblems.map((problem, k) => (
                <li key={k}>
                  <code>{problem}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        <SignaturesSection custom={custom} bundledIds={bundledIds} onCustom={setCustom} />
        <BackupSection
          adapters={adapters}
          bundledIds={bundledIds}
          onImported={(s, c) => {
            if (s) showSettings(s);
            if (c) setCustom(c);
            void refreshGranted();
          }}
          onReset={(s) => {
            showSettings(s);
            void refreshGranted();
          }}
        />
        <PrivacySection />
      </main>
    </div>
  );
}

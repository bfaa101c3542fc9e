// Wiring only: the content script's logic lives in src/page/.
import { startContentScript } from '../src/page/start';
import { DEFAULT_HOST_PATTERNS } from '../src/sites';

export default defineContentScript({
  matches: [...DEFAULT_HOST_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    void startContentScript(ctx);
  },
});

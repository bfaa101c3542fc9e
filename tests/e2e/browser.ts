// The e2e suite's browser: the same launcher as the benchmark and `npm start`.
export { CHROMIUM, EXTENSION_DIR, launchWithExtension } from '../../scripts/launch-chromium';

// Wiring only: the logic lives in src/background/.
import { startBackground } from '../src/background/start';

export default defineBackground(() => {
  startBackground();
});

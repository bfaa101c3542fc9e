// Wiring only: starts the popup.
import { startPopup } from '../../src/ui/popup-app';
import '../../src/ui/popup.css';

void startPopup(document.getElementById('app') as HTMLElement);

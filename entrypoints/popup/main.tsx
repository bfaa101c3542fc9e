// Wiring only: mounts the popup component.
import { render } from 'preact';
import { PopupApp } from '../../src/ui/popup-app';
import '../../src/ui/popup.css';

render(<PopupApp />, document.getElementById('app') as HTMLElement);

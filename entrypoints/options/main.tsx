// Wiring only: mounts the options page.
import { render } from 'preact';
import { OptionsApp } from '../../src/ui/options-app';
import '../../src/ui/options.css';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);

import { render } from 'preact';

import { App } from './app/App';
import { browserDeps } from './app/services';
import { registerServiceWorker } from './pwa/register-sw';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App {...browserDeps()} />, root);
registerServiceWorker();

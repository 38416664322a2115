/**
 * Entry of the admin screens (Admin/AdminPages.php prints #kalas-iris-admin).
 */
import { createRoot } from '@wordpress/element';

import { onReady } from '../ready';
import '../store';
import { App } from './App';
import { adminConfig } from './config';
import './screens.css';

onReady(() => {
	const root = document.getElementById('kalas-iris-admin');
	if (root) {
		createRoot(root).render(<App page={adminConfig().page} />);
	}
});

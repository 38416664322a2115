/**
 * Entry of the product edit panel (Admin/ProductMetaBox.php prints the mount point).
 */
import { createRoot } from '@wordpress/element';

import { onReady } from '../ready';
import '../store';
import '../admin/screens.css';
import { ProductPanel } from './ProductPanel';

onReady(() => {
	const root = document.getElementById('kalas-iris-product-panel');
	const id = Number(root?.dataset.productId);
	if (root && id > 0) {
		createRoot(root).render(<ProductPanel productId={id} />);
	}
});

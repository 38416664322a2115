/**
 * "Previous page · Page 2 of 5 · Next page" under a paged list; nothing when it fits on one page.
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

export function Pager({
	page,
	perPage,
	total,
	onPage,
}: {
	page: number;
	perPage: number;
	total: number;
	onPage: (page: number) => void;
}) {
	const pages = Math.max(1, Math.ceil(total / perPage));
	if (pages <= 1) {
		return null;
	}
	return (
		<div className="kalas-iris-review__pages">
			<Button
				variant="secondary"
				disabled={page <= 1}
				onClick={() => onPage(page - 1)}
			>
				{__('Previous page', 'kalas-iris')}
			</Button>
			<span>
				{sprintf(__('Page %1$d of %2$d', 'kalas-iris'), page, pages)}
			</span>
			<Button
				variant="secondary"
				disabled={page >= pages}
				onClick={() => onPage(page + 1)}
			>
				{__('Next page', 'kalas-iris')}
			</Button>
		</div>
	);
}

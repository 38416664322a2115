/**
 * Front end of kalas-iris/shop-by-photo: uploads the photo to the plugin's public
 * route and shows the products it renders with the theme's product markup.
 */
import {
	checkFile,
	messagesFrom,
	resultMessage,
	type SearchAnswer,
} from './check';

function init(root: HTMLElement): void {
	const form = root.querySelector<HTMLFormElement>('form');
	const input = root.querySelector<HTMLInputElement>('input[type="file"]');
	const message = root.querySelector<HTMLElement>(
		'.kalas-iris-shop-by-photo__message'
	);
	const results = root.querySelector<HTMLElement>(
		'.kalas-iris-shop-by-photo__results'
	);
	const endpoint = root.dataset.endpoint;
	if (!form || !input || !message || !results || !endpoint) {
		return;
	}
	const maxBytes = Number(root.dataset.maxBytes) || 10 * 1048576;
	const count = root.dataset.count ?? '8';
	const messages = messagesFrom(root.dataset);

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const file = input.files?.[0];
		const problem = checkFile(file, maxBytes, messages);
		if (problem || !file) {
			message.textContent = problem;
			return;
		}
		const body = new FormData();
		body.append('image', file);
		body.append('count', count);
		message.textContent = messages.searching;
		root.setAttribute('aria-busy', 'true');
		try {
			const response = await fetch(endpoint, {
				method: 'POST',
				body,
				credentials: 'omit',
			});
			const answer = (await response
				.json()
				.catch(() => ({}))) as SearchAnswer;
			message.textContent = resultMessage(response.ok, answer, messages);
			// Server-rendered by WooCommerce's own templates, which escape their output.
			results.innerHTML = response.ok ? (answer.html ?? '') : '';
		} catch {
			message.textContent = resultMessage(false, {}, messages);
		} finally {
			root.removeAttribute('aria-busy');
		}
	});
}

document
	.querySelectorAll<HTMLElement>('.kalas-iris-shop-by-photo[data-endpoint]')
	.forEach(init);

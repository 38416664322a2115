/**
 * Try it: drop any photo, see what the model says and the most similar products.
 */
import {
	Button,
	DropZone,
	FormFileUpload,
	Spinner,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { AnnotationView } from '../components/AnnotationView';
import { ErrorNotice } from '../components/ErrorNotice';
import { percent } from '../format';
import { store } from '../store';

export function TryItPage() {
	const tryIt = useSelect((select) => select(store).getTry(), []);
	const { tryImage } = useDispatch(store);
	const [preview, setPreview] = useState<string | null>(null);

	useEffect(
		() => () => {
			if (preview) {
				URL.revokeObjectURL(preview);
			}
		},
		[preview]
	);

	const send = (files: FileList | File[] | null) => {
		const file = files?.[0];
		if (!file) {
			return;
		}
		setPreview(URL.createObjectURL(file));
		void tryImage(file);
	};

	return (
		<div className="kalas-iris-try">
			<div className="kalas-iris-try__drop">
				<p>{__('Drop a photo here, or', 'kalas-iris')}</p>
				<FormFileUpload
					accept="image/*"
					onChange={(event) => send(event.currentTarget.files)}
					render={({ openFileDialog }) => (
						<Button variant="primary" onClick={openFileDialog}>
							{__('Choose a photo', 'kalas-iris')}
						</Button>
					)}
				/>
				<DropZone onFilesDrop={(files) => send(files)} />
			</div>
			<ErrorNotice area="tryIt" />
			{preview ? (
				<img
					className="kalas-iris-try__preview"
					src={preview}
					alt={__('The photo you chose', 'kalas-iris')}
				/>
			) : null}
			{tryIt.status === 'uploading' ? <Spinner /> : null}
			{tryIt.status === 'done' && tryIt.result ? (
				<div
					className="kalas-iris-try__result"
					data-testid="try-result"
				>
					<h2>{__('What the model sees', 'kalas-iris')}</h2>
					<AnnotationView annotation={tryIt.result.annotation} />
					<h2>{__('Most similar products', 'kalas-iris')}</h2>
					{tryIt.result.similar.length === 0 ? (
						<p>
							{__(
								'No similar products yet. Run a backfill to index the catalogue.',
								'kalas-iris'
							)}
						</p>
					) : (
						<ul className="kalas-iris-similar-list">
							{tryIt.result.similar.map((item) => (
								<li key={item.id}>
									<a href={item.permalink}>
										{item.image_url ? (
											<img
												src={item.image_url}
												alt=""
												width={120}
												height={120}
											/>
										) : null}
										<span>{item.name}</span>
									</a>
									<span className="kalas-iris-similar-list__score">
										{sprintf(
											__('%s similar', 'kalas-iris'),
											percent(item.score)
										)}
									</span>
								</li>
							))}
						</ul>
					)}
				</div>
			) : null}
		</div>
	);
}

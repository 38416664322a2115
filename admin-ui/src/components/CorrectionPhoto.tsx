/**
 * The photo a correction was sent with. The plugin hands it over as a data URL, because an
 * <img> pointing at the REST route could not send the nonce that route needs.
 */
import { Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { request } from '../store/api';

export function CorrectionPhoto({ id }: { id: number }) {
	const [src, setSrc] = useState<string | null>(null);
	const [failed, setFailed] = useState<string | null>(null);

	useEffect(() => {
		let live = true;
		request<{ data_url: string }>(`/corrections/${id}/image`).then(
			(image) => live && setSrc(image.data_url),
			(error: { message: string }) => live && setFailed(error.message)
		);
		return () => {
			live = false;
		};
	}, [id]);

	if (failed) {
		return <p className="kalas-iris-correction__nophoto">{failed}</p>;
	}
	if (!src) {
		return <Spinner />;
	}
	return (
		<img
			src={src}
			alt={__('Photo sent with the correction', 'kalas-iris')}
			width={160}
			height={160}
		/>
	);
}

/**
 * Gives the service WooCommerce REST access: the wc-auth flow on HTTPS sites, a key
 * entered by hand elsewhere.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	TextControl,
} from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { adminConfig } from '../admin/config';
import { store } from '../store';
import type { Settings } from '../types';
import { ErrorNotice } from './ErrorNotice';

export function WooCommerceAccess({ settings }: { settings: Settings }) {
	const { startConnect, connectManually } = useDispatch(store);
	const [key, setKey] = useState('');
	const [secret, setSecret] = useState('');
	const { shopIsSsl } = adminConfig();
	const connection = settings.woocommerce_connection;

	return (
		<Card>
			<CardHeader>
				<h2>
					{__('WooCommerce access for the service', 'kalas-iris')}
				</h2>
			</CardHeader>
			<CardBody>
				{connection.connected ? (
					<p data-testid="woocommerce-connected">
						{sprintf(
							__(
								'The service has WooCommerce REST access since %s.',
								'kalas-iris'
							),
							connection.connected_at ?? ''
						)}
					</p>
				) : (
					<p>
						{__(
							'The service does not have WooCommerce REST access yet.',
							'kalas-iris'
						)}
					</p>
				)}
				{shopIsSsl ? (
					<Button
						variant="secondary"
						onClick={async () => {
							const url = await startConnect();
							if (url) {
								window.location.assign(url);
							}
						}}
					>
						{__('Connect to WooCommerce', 'kalas-iris')}
					</Button>
				) : (
					<>
						<p className="description">
							{__(
								'WooCommerce only authorises apps on HTTPS sites. Create a Read/Write key under WooCommerce → Settings → Advanced → REST API and enter it here.',
								'kalas-iris'
							)}
						</p>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={__('Consumer key', 'kalas-iris')}
							value={key}
							onChange={setKey}
							autoComplete="off"
						/>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={__('Consumer secret', 'kalas-iris')}
							type="password"
							value={secret}
							onChange={setSecret}
							autoComplete="off"
						/>
						<Button
							variant="secondary"
							disabled={!key || !secret}
							onClick={async () => {
								if (
									await connectManually(
										key.trim(),
										secret.trim()
									)
								) {
									setKey('');
									setSecret('');
								}
							}}
						>
							{__('Save WooCommerce keys', 'kalas-iris')}
						</Button>
					</>
				)}
				<ErrorNotice area="connect" />
			</CardBody>
		</Card>
	);
}

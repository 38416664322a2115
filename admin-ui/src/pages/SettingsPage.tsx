/**
 * Settings: service, connection test, WooCommerce access, mode, thresholds, fields.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	RadioControl,
	Spinner,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { adminConfig } from '../admin/config';
import { ErrorNotice } from '../components/ErrorNotice';
import { parseList } from '../components/LabelEditor';
import { store } from '../store';
import type { Mode, Settings, SettingsUpdate } from '../types';

interface FormState {
	service_url: string;
	api_key: string;
	mode: Mode;
	thresholds: Record<string, string>;
	tag_fields: string;
	attribute_fields: string;
	set_category: boolean;
	protect_manual: boolean;
}

function toForm(settings: Settings): FormState {
	return {
		service_url: settings.service_url,
		api_key: '',
		mode: settings.mode,
		thresholds: Object.fromEntries(
			Object.entries(settings.thresholds).map(([field, value]) => [
				field,
				String(value),
			])
		),
		tag_fields: settings.tag_fields.join(', '),
		attribute_fields: settings.attribute_fields.join(', '),
		set_category: settings.set_category,
		protect_manual: settings.protect_manual,
	};
}

/**
 * The update the form sends. An empty API key field keeps the stored key.
 *
 * @param form Form state.
 */
export function toUpdate(form: FormState): SettingsUpdate {
	return {
		service_url: form.service_url.trim(),
		api_key: form.api_key.trim() === '' ? null : form.api_key.trim(),
		mode: form.mode,
		thresholds: Object.fromEntries(
			Object.entries(form.thresholds)
				.filter(([, value]) => value.trim() !== '')
				.map(([field, value]) => [field, Number(value)])
		),
		tag_fields: parseList(form.tag_fields),
		attribute_fields: parseList(form.attribute_fields),
		set_category: form.set_category,
		protect_manual: form.protect_manual,
	};
}

function ConnectionTest() {
	const connection = useSelect((select) => select(store).getConnection(), []);
	const { testConnection } = useDispatch(store);
	return (
		<div className="kalas-iris-connection">
			<Button
				variant="secondary"
				onClick={() => void testConnection()}
				isBusy={connection.status === 'testing'}
				disabled={connection.status === 'testing'}
			>
				{__('Test connection', 'kalas-iris')}
			</Button>
			{connection.status === 'ok' && connection.model ? (
				<p role="status" data-testid="connection-result">
					{sprintf(
						__(
							'Connected: model pack %1$s %2$s, answered in %3$d ms.',
							'kalas-iris'
						),
						connection.model.name,
						connection.model.version,
						Math.round(connection.model.latency_ms)
					)}
				</p>
			) : null}
			<ErrorNotice area="connection" />
		</div>
	);
}

function WooCommerceAccess({ settings }: { settings: Settings }) {
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

export function SettingsPage() {
	const { settings, saving, model } = useSelect(
		(select) => ({
			settings: select(store).getSettings(),
			saving: select(store).isSaving(),
			model: select(store).getConnection().model,
		}),
		[]
	);
	const { loadSettings, saveSettings } = useDispatch(store);
	const [form, setForm] = useState<FormState | null>(null);
	const [saved, setSaved] = useState(false);

	useEffect(() => {
		void loadSettings();
	}, [loadSettings]);
	useEffect(() => {
		if (settings) {
			setForm(toForm(settings));
		}
	}, [settings]);

	if (!settings || !form) {
		return (
			<>
				<Spinner />
				<ErrorNotice area="settings" />
			</>
		);
	}

	const fields = Array.from(
		new Set([
			'default',
			'category',
			'color',
			...(model?.fields ?? []),
			...parseList(form.tag_fields),
			...parseList(form.attribute_fields),
			...Object.keys(form.thresholds),
		])
	);
	const set = (patch: Partial<FormState>) => {
		setSaved(false);
		setForm({ ...form, ...patch });
	};

	return (
		<form
			className="kalas-iris-settings"
			onSubmit={async (event) => {
				event.preventDefault();
				setSaved(Boolean(await saveSettings(toUpdate(form))));
			}}
		>
			<Card>
				<CardHeader>
					<h2>{__('Service', 'kalas-iris')}</h2>
				</CardHeader>
				<CardBody>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={__('Service URL', 'kalas-iris')}
						type="url"
						value={form.service_url}
						onChange={(service_url) => set({ service_url })}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={__('API key', 'kalas-iris')}
						type="password"
						autoComplete="off"
						value={form.api_key}
						help={
							settings.has_api_key
								? __(
										'A key is saved. Leave empty to keep it.',
										'kalas-iris'
									)
								: __(
										'Create one with: npx kalas-iris keys create --shop <name>',
										'kalas-iris'
									)
						}
						onChange={(api_key) => set({ api_key })}
					/>
					<ConnectionTest />
				</CardBody>
			</Card>

			<WooCommerceAccess settings={settings} />

			<Card>
				<CardHeader>
					<h2>{__('Labels', 'kalas-iris')}</h2>
				</CardHeader>
				<CardBody>
					<RadioControl
						label={__('Mode', 'kalas-iris')}
						selected={form.mode}
						options={[
							{
								label: __(
									'Apply labels automatically',
									'kalas-iris'
								),
								value: 'auto',
							},
							{
								label: __(
									'Suggest labels for review',
									'kalas-iris'
								),
								value: 'review',
							},
						]}
						onChange={(mode) =>
							set({ mode: mode === 'review' ? 'review' : 'auto' })
						}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={__(
							'Never remove or overwrite a tag or attribute a person set',
							'kalas-iris'
						)}
						checked={form.protect_manual}
						onChange={(protect_manual) => set({ protect_manual })}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={__('Set the product category', 'kalas-iris')}
						checked={form.set_category}
						onChange={(set_category) => set({ set_category })}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={__(
							'Fields that become product tags',
							'kalas-iris'
						)}
						help={__(
							'Comma separated, e.g. usage, season',
							'kalas-iris'
						)}
						value={form.tag_fields}
						onChange={(tag_fields) => set({ tag_fields })}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={__(
							'Fields that become global attributes (pa_…)',
							'kalas-iris'
						)}
						help={__(
							'Comma separated, e.g. color, pattern',
							'kalas-iris'
						)}
						value={form.attribute_fields}
						onChange={(attribute_fields) =>
							set({ attribute_fields })
						}
					/>
					<fieldset className="kalas-iris-thresholds">
						<legend>
							{__(
								'Confidence thresholds (0 to 1; for colours, the share of the garment)',
								'kalas-iris'
							)}
						</legend>
						{fields.map((field) => (
							<TextControl
								__nextHasNoMarginBottom
								__next40pxDefaultSize
								key={field}
								label={sprintf(
									__('Threshold: %s', 'kalas-iris'),
									field
								)}
								type="number"
								min={0}
								max={1}
								step={0.05}
								value={form.thresholds[field] ?? ''}
								placeholder={form.thresholds.default ?? ''}
								onChange={(value) =>
									set({
										thresholds: {
											...form.thresholds,
											[field]: value,
										},
									})
								}
							/>
						))}
					</fieldset>
				</CardBody>
			</Card>

			<ErrorNotice area="settings" />
			{saved ? (
				<Notice status="success" isDismissible={false}>
					{__('Settings saved.', 'kalas-iris')}
				</Notice>
			) : null}
			<Button
				variant="primary"
				type="submit"
				isBusy={saving}
				disabled={saving}
			>
				{__('Save settings', 'kalas-iris')}
			</Button>
		</form>
	);
}

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
				Test connection
			</Button>
			{connection.status === 'ok' && connection.model ? (
				<p role="status" data-testid="connection-result">
					Connected: model pack{' '}
					<strong>{connection.model.name}</strong>{' '}
					{connection.model.version}, answered in{' '}
					{Math.round(connection.model.latency_ms)} ms.
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
				<h2>WooCommerce access for the service</h2>
			</CardHeader>
			<CardBody>
				{connection.connected ? (
					<p data-testid="woocommerce-connected">
						The service has WooCommerce REST access since{' '}
						{connection.connected_at}.
					</p>
				) : (
					<p>
						The service does not have WooCommerce REST access yet.
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
						Connect to WooCommerce
					</Button>
				) : (
					<>
						<p className="description">
							WooCommerce only authorises apps on HTTPS sites.
							Create a Read/Write key under WooCommerce → Settings
							→ Advanced → REST API and enter it here.
						</p>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label="Consumer key"
							value={key}
							onChange={setKey}
							autoComplete="off"
						/>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label="Consumer secret"
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
							Save WooCommerce keys
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
					<h2>Service</h2>
				</CardHeader>
				<CardBody>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label="Service URL"
						type="url"
						value={form.service_url}
						onChange={(service_url) => set({ service_url })}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label="API key"
						type="password"
						autoComplete="off"
						value={form.api_key}
						help={
							settings.has_api_key
								? 'A key is saved. Leave empty to keep it.'
								: 'Create one with: npx kalas-iris keys create --shop <name>'
						}
						onChange={(api_key) => set({ api_key })}
					/>
					<ConnectionTest />
				</CardBody>
			</Card>

			<WooCommerceAccess settings={settings} />

			<Card>
				<CardHeader>
					<h2>Labels</h2>
				</CardHeader>
				<CardBody>
					<RadioControl
						label="Mode"
						selected={form.mode}
						options={[
							{
								label: 'Apply labels automatically',
								value: 'auto',
							},
							{
								label: 'Suggest labels for review',
								value: 'review',
							},
						]}
						onChange={(mode) =>
							set({ mode: mode === 'review' ? 'review' : 'auto' })
						}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label="Never remove or overwrite a tag or attribute a person set"
						checked={form.protect_manual}
						onChange={(protect_manual) => set({ protect_manual })}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label="Set the product category"
						checked={form.set_category}
						onChange={(set_category) => set({ set_category })}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label="Fields that become product tags"
						help="Comma separated, e.g. usage, season"
						value={form.tag_fields}
						onChange={(tag_fields) => set({ tag_fields })}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label="Fields that become global attributes (pa_…)"
						help="Comma separated, e.g. color, pattern"
						value={form.attribute_fields}
						onChange={(attribute_fields) =>
							set({ attribute_fields })
						}
					/>
					<fieldset className="kalas-iris-thresholds">
						<legend>
							Confidence thresholds (0 to 1; for colours, the
							share of the garment)
						</legend>
						{fields.map((field) => (
							<TextControl
								__nextHasNoMarginBottom
								__next40pxDefaultSize
								key={field}
								label={`Threshold: ${field}`}
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
					Settings saved.
				</Notice>
			) : null}
			<Button
				variant="primary"
				type="submit"
				isBusy={saving}
				disabled={saving}
			>
				Save settings
			</Button>
		</form>
	);
}

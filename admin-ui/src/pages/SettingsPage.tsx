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

import { ConnectionTest } from '../components/ConnectionTest';
import { ErrorNotice } from '../components/ErrorNotice';
import { parseList } from '../components/LabelEditor';
import { WooCommerceAccess } from '../components/WooCommerceAccess';
import { store } from '../store';
import { toForm, toUpdate, type FormState } from './settings-form';

export { toUpdate } from './settings-form';

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

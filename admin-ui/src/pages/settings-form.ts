/**
 * The settings form's state and its conversion from and to the REST shapes.
 */
import { parseList } from '../components/LabelEditor';
import type { Mode, Settings, SettingsUpdate } from '../types';

export interface FormState {
	service_url: string;
	api_key: string;
	mode: Mode;
	thresholds: Record<string, string>;
	tag_fields: string;
	attribute_fields: string;
	set_category: boolean;
	protect_manual: boolean;
}

export function toForm(settings: Settings): FormState {
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
 * The update the form sends. An empty API key field keeps the stored key; an emptied
 * threshold is sent as null, because the plugin merges thresholds into the saved ones.
 *
 * @param form Form state.
 */
export function toUpdate(form: FormState): SettingsUpdate {
	return {
		service_url: form.service_url.trim(),
		api_key: form.api_key.trim() === '' ? null : form.api_key.trim(),
		mode: form.mode,
		thresholds: Object.fromEntries(
			Object.entries(form.thresholds).map(([field, value]) => [
				field,
				value.trim() === '' ? null : Number(value),
			])
		),
		tag_fields: parseList(form.tag_fields),
		attribute_fields: parseList(form.attribute_fields),
		set_category: form.set_category,
		protect_manual: form.protect_manual,
	};
}

import apiFetch from '@wordpress/api-fetch';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { SettingsPage, toUpdate } from './SettingsPage';

jest.mock('@wordpress/api-fetch', () => ({
	__esModule: true,
	default: jest.fn(),
}));
const mockedFetch = apiFetch as unknown as jest.Mock;

const settings = {
	service_url: 'http://127.0.0.1:8787',
	has_api_key: true,
	mode: 'auto',
	thresholds: { default: 0.6, color: 0.15 },
	tag_fields: ['usage'],
	attribute_fields: ['color', 'pattern'],
	set_category: false,
	protect_manual: true,
	woocommerce_connection: {
		connected: false,
		connected_at: null,
		key_id: null,
	},
};

describe('SettingsPage', () => {
	it('builds an update that keeps the stored key when the field is empty', () => {
		expect(
			toUpdate({
				service_url: ' https://iris.example ',
				api_key: '',
				mode: 'review',
				thresholds: { default: '0.5', color: '', pattern: '0.8' },
				tag_fields: 'usage, season,',
				attribute_fields: 'color',
				set_category: true,
				protect_manual: true,
			})
		).toEqual({
			service_url: 'https://iris.example',
			api_key: null,
			mode: 'review',
			thresholds: { default: 0.5, color: null, pattern: 0.8 },
			tag_fields: ['usage', 'season'],
			attribute_fields: ['color'],
			set_category: true,
			protect_manual: true,
		});
	});

	it('never shows the API key and reports the connection test', async () => {
		mockedFetch.mockImplementation(({ path }: { path: string }) =>
			Promise.resolve(
				path.endsWith('/settings/test')
					? {
							name: 'kalas-fashion-mnv2',
							version: '1.0.0',
							fields: ['color'],
							labels: {},
							latency_ms: 21.4,
						}
					: settings
			)
		);
		render(<SettingsPage />);
		const key = await screen.findByLabelText('API key');
		expect((key as HTMLInputElement).value).toBe('');
		expect(
			screen.getByText('A key is saved. Leave empty to keep it.')
		).toBeTruthy();
		expect(
			(
				screen.getByLabelText(
					'Never remove or overwrite a tag or attribute a person set'
				) as HTMLInputElement
			).checked
		).toBe(true);

		await act(async () => {
			fireEvent.click(
				screen.getByRole('button', { name: 'Test connection' })
			);
		});
		expect(
			(await screen.findByTestId('connection-result')).textContent
		).toMatch(/kalas-fashion-mnv2.*1\.0\.0.*21 ms/);
	});
});

/**
 * Data the PHP side prints before the admin script (Admin/Assets.php).
 */
export interface AdminConfig {
	page: 'settings' | 'review' | 'backfill' | 'try' | 'corrections';
	adminUrl: string;
	shopIsSsl: boolean;
	/** The shop's product category names, most used first (review page only). */
	categories: string[];
}

declare global {
	interface Window {
		kalasIris?: Partial<AdminConfig>;
	}
}

export function adminConfig(): AdminConfig {
	const raw = window.kalasIris ?? {};
	return {
		page: raw.page ?? 'settings',
		adminUrl: raw.adminUrl ?? '/wp-admin/',
		shopIsSsl: raw.shopIsSsl ?? false,
		categories: Array.isArray(raw.categories) ? raw.categories : [],
	};
}

/**
 * Shapes of the plugin's REST answers (plugin/src/Rest/*). Kept in one place so the
 * screens and the store agree with the PHP side.
 */

// The service's annotation, which the plugin stores and passes through as it came: one definition
// for the service, its web app and these screens (types only; nothing of the service is bundled).
export type {
	Annotation,
	DominantColor as Color,
	Prediction,
} from '../../service/src/openapi/answers';
import type {
	Annotation,
	FeedbackItem,
} from '../../service/src/openapi/answers';

export type Mode = 'auto' | 'review';

export interface Settings {
	service_url: string;
	has_api_key: boolean;
	mode: Mode;
	thresholds: Record<string, number>;
	tag_fields: string[];
	attribute_fields: string[];
	set_category: boolean;
	protect_manual: boolean;
	woocommerce_connection: {
		connected: boolean;
		connected_at: string | null;
		key_id: number | null;
	};
}

/** What the settings form may send; api_key is write-only and null keeps the stored key. */
export type SettingsUpdate = Partial<
	Omit<Settings, 'has_api_key' | 'woocommerce_connection' | 'thresholds'>
> & {
	api_key?: string | null;
	/** Merged into the saved thresholds; null removes a field's own threshold. */
	thresholds?: Record<string, number | null>;
};

export interface ModelInfo {
	name: string;
	version: string;
	fields: string[];
	labels: Record<string, string[]>;
	latency_ms: number;
}

/** Labels as a person reviews them and as the service takes feedback. */
export interface Labels {
	category: string | null;
	attributes: Record<string, string>;
	colors: string[];
}

export type ProductStatus =
	| ''
	| 'pending'
	| 'retrying'
	| 'review'
	| 'applied'
	| 'annotated'
	| 'rejected'
	| 'failed'
	| 'not_configured'
	| 'no_image';

export interface StoredAnnotation {
	annotation?: Annotation;
	model?: { name: string; version: string } | null;
	annotated_at?: string;
	image_id?: number;
	suggestion?: Labels;
}

export interface JobState {
	attempt?: number;
	next_at?: string;
	at?: string;
	error?: { code: string; message: string; status: number };
}

export interface ProductSummary {
	id: number;
	name: string;
	permalink: string;
	edit_url: string;
	image_url: string;
	product_id: number;
	status: ProductStatus;
	annotation: StoredAnnotation | [];
	applied: Record<string, { applied: string[]; declined: string[] }> | [];
	job: JobState | [];
}

export interface ReviewPage {
	items: ProductSummary[];
	total: number;
	page: number;
	per_page: number;
}

export type BackfillState = 'idle' | 'running' | 'paused' | 'done';

/** The service's reindex after a model update (GET/POST kalas-iris/v1/reindex). */
export interface ReindexProgress {
	state: 'idle' | 'running' | 'done';
	total: number;
	done: number;
	failed: number;
	started_at: string | null;
	finished_at: string | null;
	/** Products an older model indexed, right now. */
	stale_now: number;
	report: {
		reindexed: number;
		failed: { id: string; error: string }[];
		without_url: string[];
	} | null;
}

/** The plugin's catalogue learning (POST kalas-iris/v1/learn): what was sent, and the service's report. */
export interface LearnResult {
	/** Indexed products whose categories were sent. */
	products: number;
	/** Of those, products with exactly one category of their own. */
	labelled: number;
	/** Products the service no longer had. */
	missing: number;
	/** When it ran (ISO 8601): on request, or by itself after a backfill. */
	learned_at: string;
	report: {
		fields: Record<
			string,
			{
				labels: number;
				examples: number;
				holdout_accuracy: number | null;
				seconds: number;
			}
		>;
		corrections: number;
	};
}

/**
 * What the service has learned for the shop (its GET /v1/learn). It also learns by itself a
 * minute after the shop's corrections change, so it can be newer than the plugin's record.
 */
export interface ServiceLearnStatus {
	fields: Record<
		string,
		{
			labels: string[];
			examples: number;
			holdout_accuracy: number | null;
			/** ISO 8601. */
			trained_at: string;
			/** Learned with another model pack: it names nothing until learned again (after a reindex). */
			stale?: boolean;
		}
	>;
	/** Whether a learning run is under way in the service now. */
	running: boolean;
	/** When it learns again by itself for corrections that changed (ISO 8601), or null. */
	next_run_at: string | null;
}

/**
 * GET kalas-iris/v1/learn: the plugin's last learning ({ learned: false } before the
 * first), and the service's status; `service` is null when the service could not be
 * asked, and `service_error` says why.
 */
export type LearnStatus = (LearnResult | { learned: false }) & {
	service: ServiceLearnStatus | null;
	service_error: string | null;
};

export interface BackfillProgress {
	state: BackfillState;
	total: number;
	done: number;
	failed: number;
	processed: number;
	remaining: number;
	eta_seconds: number | null;
	started_at: number | null;
	updated_at: number | null;
	error: { code: string; message: string; status: number } | null;
	retry_at: number | null;
}

export interface SimilarItem {
	id: number;
	score: number;
	name: string;
	permalink: string;
	image_url: string;
	price: string;
}

export interface TryResult {
	annotation: Annotation;
	suggestion: Labels;
	similar: SimilarItem[];
}

/** An error as every screen shows it: a stable code and a plain sentence. */
export interface ApiError {
	code: string;
	message: string;
	status?: number;
	details?: Record<string, string>;
}

// Corrections as the service lists them (GET /v1/feedback); the plugin passes them through.
export type {
	FeedbackItem as WebCorrection,
	FeedbackReview as CorrectionReview,
} from '../../service/src/openapi/answers';

export interface CorrectionsPage {
	items: FeedbackItem[];
	total: number;
	page: number;
	per_page: number;
}

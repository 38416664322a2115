/**
 * Checks the numeric settings every module reads from the environment, once, where the service and
 * the command line read their configuration. A value that is not a number used to pass silently
 * (RATE_LIMIT_PER_SECOND=abc turned rate limiting off) or fail deep inside a library
 * (MAX_IMAGE_BYTES=20MB as a multer stack trace); now the process stops at once, naming the variable.
 */
import { checkShopName } from "./services/shop-name.js";

interface NumberRule {
  min: number;
  max?: number;
  whole?: boolean;
  /** What the number counts, for the message. */
  unit: string;
}

const NUMBERS: Record<string, NumberRule> = {
  PORT: { min: 0, max: 65535, whole: true, unit: "a port (0: any free one)" },
  RATE_LIMIT_PER_SECOND: { min: 0.001, unit: "requests per second" },
  WEB_RATE_LIMIT_PER_SECOND: { min: 0.001, unit: "requests per second" },
  WEB_SESSION_TTL: { min: 1, whole: true, unit: "seconds" },
  LEARN_AFTER_CORRECTIONS_SECONDS: { min: 0, unit: "seconds (0: never by itself)" },
  MAX_IMAGE_BYTES: { min: 1024, whole: true, unit: "bytes (20 MB is 20971520)" },
  MAX_IMAGE_PIXELS: { min: 1, whole: true, unit: "pixels" },
  MAX_INFLIGHT_UPLOADS: { min: 1, whole: true, unit: "uploads" },
  MAX_CONCURRENT_INFERENCE: { min: 1, whole: true, unit: "photos" },
  MAX_QUEUED_INFERENCE: { min: 0, whole: true, unit: "photos" },
  INDEX_SAVE_DELAY_MS: { min: 0, whole: true, unit: "milliseconds" },
  INDEX_COMPACT_MIN_REMOVED: { min: 0, whole: true, unit: "products" },
  IMAGE_FETCH_TIMEOUT_MS: { min: 1, whole: true, unit: "milliseconds" },
  ORT_THREADS: { min: 1, max: 256, whole: true, unit: "threads" },
  HNSW_EF: { min: 1, whole: true, unit: "candidates" },
  CORRECTION_SIMILARITY: { min: 0, max: 0.999, unit: "a cosine similarity" },
};

/** Throws an Error naming the first setting that cannot be used, or returns. */
export function checkEnvironment(env: NodeJS.ProcessEnv): void {
  for (const [name, rule] of Object.entries(NUMBERS)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") continue;
    const n = /^\s*[0-9]*\.?[0-9]+\s*$/.test(raw) ? Number(raw) : NaN;
    const fits = Number.isFinite(n) && n >= rule.min && (rule.max === undefined || n <= rule.max) && (!rule.whole || Number.isInteger(n));
    if (!fits) {
      const range = rule.max === undefined ? `${rule.min} or more` : `from ${rule.min} to ${rule.max}`;
      throw new Error(
        `${name} must be ${rule.whole ? "a whole number" : "a number"} ${range}, in ${rule.unit}; it is ${JSON.stringify(raw)}`,
      );
    }
  }
  if (env.WEB_SHOP) {
    try {
      checkShopName(env.WEB_SHOP);
    } catch (e) {
      throw new Error(`WEB_SHOP: ${(e as Error).message}`);
    }
  }
}

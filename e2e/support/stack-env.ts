import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the stack under test is and how to log in to it. */
export interface Stack {
  baseUrl: string;
  adminUser: string;
  adminPassword: string;
  /** WordPress application password of the admin (HTTP Basic on wp/v2 and wc/v3). */
  appPassword: string;
  /** The service as the tests reach it. */
  serviceUrl: string;
  /** The service as WordPress reaches it (differs under wp-env, where WordPress runs in Docker). */
  serviceUrlForShop: string;
  serviceKey: string;
  /** WooCommerce REST key for the service (the local stack creates one). */
  wcConsumerKey?: string;
  wcConsumerSecret?: string;
  /** Script with `start|stop|status` for the companion service, when the stack offers one. */
  serviceControl?: string;
  /** WordPress's folder, when it runs on this machine (the local stack; not wp-env's Docker). */
  wordpressDir?: string;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function parseEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/**
 * The stack from `.stack/env` (written by `npm run stack:up`, removed by `stack:down`), or from
 * KALAS_* variables already in the environment (wp-env users set them; see e2e/README.md).
 * Returns the reason instead when there is none.
 */
export function readStack(): { stack: Stack } | { reason: string } {
  const file = process.env.KALAS_STACK_ENV ?? join(REPO_ROOT, ".stack", "env");
  const fromFile = existsSync(file) ? parseEnvFile(file) : {};
  const v = (name: string): string => process.env[name] ?? fromFile[name] ?? "";
  if (!v("KALAS_BASE_URL")) {
    return {
      reason: `no running stack (${file} is missing): start one with \`npm run stack:up\` (needs WP_SOURCE and WC_SOURCE offline) or wp-env, see e2e/README.md`,
    };
  }
  const missing = ["KALAS_ADMIN_PASSWORD", "KALAS_APP_PASSWORD", "KALAS_SERVICE_URL", "KALAS_SERVICE_KEY"].filter((n) => !v(n));
  if (missing.length > 0) {
    return { reason: `the stack description lacks ${missing.join(", ")} (was the companion service started? see .stack/logs/service.log)` };
  }
  return {
    stack: {
      baseUrl: v("KALAS_BASE_URL").replace(/\/$/, ""),
      adminUser: v("KALAS_ADMIN_USER") || "admin",
      adminPassword: v("KALAS_ADMIN_PASSWORD"),
      appPassword: v("KALAS_APP_PASSWORD"),
      serviceUrl: v("KALAS_SERVICE_URL").replace(/\/$/, ""),
      serviceUrlForShop: (v("KALAS_SERVICE_URL_FOR_SHOP") || v("KALAS_SERVICE_URL")).replace(/\/$/, ""),
      serviceKey: v("KALAS_SERVICE_KEY"),
      wcConsumerKey: v("KALAS_WC_CONSUMER_KEY") || undefined,
      wcConsumerSecret: v("KALAS_WC_CONSUMER_SECRET") || undefined,
      serviceControl: v("KALAS_SERVICE_CONTROL") || undefined,
      wordpressDir: localWordPress(v("KALAS_STACK_DIR")),
    },
  };
}

function localWordPress(stackDir: string): string | undefined {
  const dir = stackDir ? join(stackDir, "wordpress") : "";
  return dir && existsSync(join(dir, "wp-load.php")) ? dir : undefined;
}

/** The one line printed when the browser flows are not run. */
export function notRunLine(reason: string): string {
  return `e2e: the browser flows were NOT run (reported as skipped): ${reason}`;
}

export const AUTH_STATE = join(REPO_ROOT, "e2e", ".auth", "admin.json");

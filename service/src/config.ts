/** Settings from the environment, read once. */
import crypto from "node:crypto";
import path from "node:path";

import { checkEnvironment } from "./config-checks.js";
import { envNumber } from "./env.js";

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  pack: string;
  /** Requests per second allowed per API key (token bucket, burst = 2x). */
  rateLimit: number;
  /** Shop whose index the public web page may use through short-lived sessions, if any. */
  webShop: string | null;
  /**
   * Whether corrections sent through those public sessions act on the shop's predictions and learning
   * before a person accepts them. Off by default: anyone can open the try-it page.
   */
  webFeedbackLearns: boolean;
  /** Signing secret and lifetime of those sessions' tokens. */
  webSession: { secret: string; ttlSeconds: number };
  /** Requests per second allowed per visitor of those sessions (bursts of twice that). */
  webRateLimit: number;
  /** In a shop that has learned its own labels, seconds after its corrections change before it learns them; 0: never by itself. */
  learnAfterCorrectionsSeconds: number;
  /**
   * Which proxies in front may name the client (Express's "trust proxy"): false, a number of hops,
   * or addresses/subnets ("loopback"). Never "every proxy": the left-most X-Forwarded-For entry is
   * whatever the client wrote, and the try-it page limits each visitor by that address.
   */
  trustProxy: false | number | string;
}

/** setTimeout's limit is about 24.8 days; a day is more than any wait this is for. */
const MAX_LEARN_DELAY_SECONDS = 86_400;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  checkEnvironment(env);
  return {
    host: env.HOST ?? "127.0.0.1",
    port: envNumber("PORT", 8787, env),
    // Relative to where the person ran npm (INIT_CWD): `npm start` runs in service/, but `./data`
    // should mean the folder they typed the command in, the same one `npx kalas-iris keys` uses.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR ?? "./data"),
    pack: env.MODEL_PACK ?? "kalas-fashion-mnv2",
    rateLimit: envNumber("RATE_LIMIT_PER_SECOND", 20, env),
    webShop: env.WEB_SHOP || null,
    webFeedbackLearns: env.WEB_FEEDBACK_LEARNS === "true",
    webSession: { secret: webSessionSecret(env.WEB_SESSION_SECRET), ttlSeconds: envNumber("WEB_SESSION_TTL", 3600, env) },
    webRateLimit: envNumber("WEB_RATE_LIMIT_PER_SECOND", 5, env),
    trustProxy: trustProxy(env.TRUST_PROXY),
    learnAfterCorrectionsSeconds: Math.min(MAX_LEARN_DELAY_SECONDS, Math.max(0, envNumber("LEARN_AFTER_CORRECTIONS_SECONDS", 60, env))),
  };
}

/** TRUST_PROXY: unset or "false": none; "true" (its older meaning): the one proxy in front; a hop count; addresses. */
function trustProxy(value: string | undefined): false | number | string {
  const v = value?.trim() ?? "";
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true") return 1;
  return /^\d+$/.test(v) ? Number(v) : v;
}

/**
 * WEB_SESSION_SECRET, when set (several processes serving one page must share it), must be long
 * enough not to be guessed: whoever knows it can sign a session. Unset or empty (a blank line in an
 * environment file): a random one per start, so tokens die with the process and the page asks again.
 */
function webSessionSecret(value: string | undefined): string {
  if (!value) return crypto.randomBytes(32).toString("hex");
  if (value.length < 32) throw new Error("WEB_SESSION_SECRET must be at least 32 characters (e.g. openssl rand -hex 32), or unset.");
  return value;
}

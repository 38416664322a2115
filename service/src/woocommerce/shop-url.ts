/**
 * The shop's WooCommerce base URL, as its owner hands it over. The service calls this URL with
 * the shop's keys, so anything that is not a plain http(s) base URL is refused rather than guessed at.
 */
import { AppError } from "../errors.js";

// Never part of a URL typed by a person: whitespace, control characters, and what must be escaped.
const UNSAFE = /[\s\p{Cc}<>"`{}|\\^]/u;

/**
 * Checks `raw` and returns it normalised (WHATWG host, no trailing slash), the form that is stored
 * and later called. Throws 400 `invalid_request` with the reason; the input is not echoed back.
 */
export function parseShopUrl(raw: unknown): string {
  const text = typeof raw === "string" ? raw.trim() : "";
  const bad = (why: string) =>
    new AppError(400, "invalid_request", `"url" must be the shop's http(s) base URL, like https://shop.example: ${why}.`);
  if (!text) throw bad("it is missing");
  if (UNSAFE.test(text)) throw bad("it contains spaces or characters a URL cannot hold");
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw bad("it is not a valid URL");
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw bad("only http and https are allowed");
  if (u.username || u.password) throw bad("it must not carry a user name or password (the keys go in consumer_key and consumer_secret)");
  // The client appends /wp-json/wc/v3/… to the URL as text, so a query or fragment would swallow the path.
  if (text.includes("?") || text.includes("#")) throw bad("it must not have a query (?…) or a fragment (#…)");
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
}

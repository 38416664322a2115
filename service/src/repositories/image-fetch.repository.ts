/**
 * Fetches product images by URL for the service, refusing addresses a shop should not be able
 * to reach through us (loopback, private, link-local, cloud metadata) unless the shop allows
 * private addresses. The check runs inside the socket's DNS lookup, so a name that resolves to
 * a public address for the check and a private one for the request (DNS rebinding) is still caught.
 * The same guard protects the shop's WooCommerce URL (see `addressGuard`).
 */
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

import { AppError } from "../errors.js";
import { IMAGE_LIMITS } from "./image.repository.js";
import { envNumber } from "../env.js";

const MAX_REDIRECTS = 3;

/**
 * The whole download, redirects and body included, must finish within IMAGE_FETCH_TIMEOUT_MS.
 * A total rather than an idle limit: a server trickling a byte a second never goes idle, and
 * would otherwise hold the request (and the shop's caller) open for minutes. One knob, because
 * the README already describes this variable as "time allowed to fetch an image URL".
 * Read per fetch, not at import, so tests can shorten it.
 */
function fetchLimitMs(): number {
  const ms = envNumber("IMAGE_FETCH_TIMEOUT_MS", 10_000);
  return Number.isFinite(ms) && ms > 0 ? ms : 10_000;
}

export async function fetchImage(url: string, allowPrivate: boolean): Promise<Buffer> {
  const limitMs = fetchLimitMs();
  const deadline = Date.now() + limitMs;
  const guard = addressGuard(allowPrivate, "The image URL");
  let current = parseUrl(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await request(current, guard, deadline, limitMs);
    if (res.redirect) {
      current = parseUrl(new URL(res.redirect, current).toString());
      continue;
    }
    return res.body!;
  }
  throw new AppError(400, "fetch_failed", `The image URL redirected more than ${MAX_REDIRECTS} times.`);
}

function parseUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new AppError(400, "invalid_request", `"${raw}" is not a valid URL.`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new AppError(400, "url_not_allowed", "Only http and https image URLs are allowed.");
  if (u.username || u.password) throw new AppError(400, "url_not_allowed", "Image URLs must not carry credentials.");
  return u;
}

function request(u: URL, guard: AddressGuard, deadline: number, limitMs: number): Promise<{ body?: Buffer; redirect?: string }> {
  return new Promise((resolve, reject) => {
    try {
      guard.checkHost(u.hostname);
    } catch (e) {
      return reject(e);
    }
    const finish = (result: { body?: Buffer; redirect?: string }) => {
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (e: AppError) => {
      clearTimeout(timer);
      req.destroy();
      reject(e);
    };
    const endedEarly = (size: number, expected: number | undefined) =>
      new AppError(
        400,
        "fetch_failed",
        expected === undefined
          ? `The image download ended early: the server closed the connection after ${size} bytes.`
          : `The image download ended early: the server sent ${size} of the ${expected} bytes it announced.`,
      );
    const client = u.protocol === "https:" ? https : http;
    // A fresh socket each time (no agent): a pooled keep-alive socket skips `lookup`, and might have
    // been opened for a shop that allows private addresses.
    const options = { agent: false, lookup: guard.lookup, headers: { "user-agent": "kalas-iris/0.1", accept: "image/*" } };
    const req = client.get(u, options, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return finish({ redirect: res.headers.location });
      }
      if (status !== 200) {
        res.resume();
        return fail(new AppError(400, "fetch_failed", `Fetching the image URL failed with HTTP ${status}.`));
      }
      const announced = Number(res.headers["content-length"]);
      const expected = res.headers["content-length"] !== undefined && Number.isFinite(announced) ? announced : undefined;
      const tooLarge = () =>
        new AppError(413, "image_too_large", `The image at that URL is larger than ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB.`);
      if (expected !== undefined && expected > IMAGE_LIMITS.maxBytes) return fail(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > IMAGE_LIMITS.maxBytes) fail(tooLarge());
        else chunks.push(c);
      });
      res.on("end", () => {
        if (expected !== undefined && size < expected) fail(endedEarly(size, expected));
        else finish({ body: Buffer.concat(chunks) });
      });
      // A connection closed mid-body surfaces as an "aborted" error on the response, not on the request.
      res.on("error", () => fail(endedEarly(size, expected)));
      res.on("close", () => {
        if (!res.complete) fail(endedEarly(size, expected));
      });
    });
    const timer = setTimeout(
      () => fail(new AppError(400, "fetch_failed", `Fetching the image URL took longer than ${limitMs / 1000} s.`)),
      Math.max(0, deadline - Date.now()),
    );
    req.on("error", (e) =>
      fail(e instanceof AppError ? e : new AppError(400, "fetch_failed", `Fetching the image URL failed (${(e as Error).message}).`)),
    );
  });
}

/** Refuses loopback/private/reserved addresses for one kind of outbound URL, unless the shop allows them. */
export interface AddressGuard {
  /** The socket's DNS lookup: refuses the name if any of its addresses is blocked. */
  lookup: net.LookupFunction;
  /** Sockets skip `lookup` for IP literals, so a literal host is checked here before connecting. */
  checkHost(hostname: string): void;
}

/**
 * The address guard for a shop's outbound URLs (image URLs, its WooCommerce URL). `subject`
 * starts the refusal sentence, e.g. "The image URL". Refusals are 400 `url_not_allowed`.
 */
export function addressGuard(allowPrivate: boolean, subject: string): AddressGuard {
  const refuse = (address: string) =>
    new AppError(
      400,
      "url_not_allowed",
      `${subject} points at a private or reserved address (${address}); this shop does not allow those.`,
    );
  return {
    lookup(hostname, options, cb) {
      // Always resolve every address: Node 20 asks for `all` (Happy Eyeballs) and may try any of them.
      dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return cb(err, "");
        const blocked = allowPrivate ? undefined : addresses.find((a) => isBlockedAddress(a.address));
        if (blocked) return cb(refuse(blocked.address), "");
        if (addresses.length === 0) return cb(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), "");
        if (options.all) cb(null, addresses);
        else cb(null, addresses[0].address, addresses[0].family);
      });
    },
    checkHost(hostname) {
      const literal = hostname.replace(/^\[|\]$/g, "");
      if (net.isIP(literal) && !allowPrivate && isBlockedAddress(literal)) throw refuse(literal);
    },
  };
}
/** Loopback, private, link-local (incl. 169.254.169.254 metadata), CGNAT, unspecified, multicast, reserved. */
export function isBlockedAddress(address: string): boolean {
  const list = new net.BlockList();
  for (const [a, p] of [
    ["0.0.0.0", 8],
    ["10.0.0.0", 8],
    ["100.64.0.0", 10],
    ["127.0.0.0", 8],
    ["169.254.0.0", 16],
    ["172.16.0.0", 12],
    ["192.0.0.0", 24],
    ["192.168.0.0", 16],
    ["198.18.0.0", 15],
    ["224.0.0.0", 3],
  ] as const) {
    list.addSubnet(a, p, "ipv4");
  }
  for (const [a, p] of [
    ["::", 128],
    ["::1", 128],
    ["fc00::", 7],
    ["fe80::", 10],
    ["ff00::", 8],
    ["64:ff9b::", 96],
  ] as const) {
    list.addSubnet(a, p, "ipv6");
  }
  if (net.isIPv6(address)) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return list.check(mapped[1], "ipv4");
    return list.check(address, "ipv6");
  }
  return list.check(address, "ipv4");
}

/**
 * Fetches product images by URL for the service, refusing addresses a shop should not be able
 * to reach through us (loopback, private, link-local, cloud metadata) unless the shop allows
 * private addresses. The check runs inside the socket's DNS lookup, so a name that resolves to
 * a public address for the check and a private one for the request (DNS rebinding) is still caught.
 */
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

import { AppError } from "../errors.js";
import { IMAGE_LIMITS } from "./image.repository.js";

const TIMEOUT_MS = Number(process.env.IMAGE_FETCH_TIMEOUT_MS ?? 10_000);
const MAX_REDIRECTS = 3;

export async function fetchImage(url: string, allowPrivate: boolean): Promise<Buffer> {
  let current = parseUrl(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await request(current, allowPrivate);
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

function request(u: URL, allowPrivate: boolean): Promise<{ body?: Buffer; redirect?: string }> {
  return new Promise((resolve, reject) => {
    const lookup: net.LookupFunction = (hostname, options, cb) => {
      dns.lookup(hostname, { ...options, all: false }, (err, address, family) => {
        if (err) return cb(err, address, family);
        if (!allowPrivate && isBlockedAddress(address as string)) {
          return cb(
            new AppError(
              400,
              "url_not_allowed",
              `The image URL points at a private or reserved address (${address}); this shop does not allow those.`,
            ),
            address,
            family,
          );
        }
        cb(null, address, family);
      });
    };
    const literal = u.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(literal) && !allowPrivate && isBlockedAddress(literal)) {
      return reject(
        new AppError(
          400,
          "url_not_allowed",
          `The image URL points at a private or reserved address (${literal}); this shop does not allow those.`,
        ),
      );
    }
    const client = u.protocol === "https:" ? https : http;
    const req = client.get(u, { lookup, timeout: TIMEOUT_MS, headers: { "user-agent": "kalas-iris/0.1", accept: "image/*" } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ redirect: res.headers.location });
      }
      if (status !== 200) {
        res.resume();
        return reject(new AppError(400, "fetch_failed", `Fetching the image URL failed with HTTP ${status}.`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > IMAGE_LIMITS.maxBytes) {
          req.destroy();
          reject(new AppError(413, "image_too_large", `The image at that URL is larger than ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB.`));
        } else chunks.push(c);
      });
      res.on("end", () => resolve({ body: Buffer.concat(chunks) }));
      res.on("error", (e) => reject(e));
    });
    req.on("timeout", () => req.destroy(new AppError(400, "fetch_failed", "Fetching the image URL timed out.")));
    req.on("error", (e) =>
      reject(e instanceof AppError ? e : new AppError(400, "fetch_failed", `Fetching the image URL failed (${(e as Error).message}).`)),
    );
  });
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

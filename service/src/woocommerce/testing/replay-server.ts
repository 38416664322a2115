import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";

import type { Exchange } from "./exchange.js";

/** A request the replay server saw, after auth parameters were taken out. */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Name of the exchange that answered, or undefined when none matched. */
  answeredBy?: string;
}

export interface ReplayServer {
  /** Base URL of the shop, e.g. `http://127.0.0.1:40123` (paths start with /wp-json/). */
  url: string;
  /** Every request, in order. */
  seen: SeenRequest[];
  /** Requests no recording matched: a test that expects none asserts this is empty. */
  unmatched(): SeenRequest[];
  close(): Promise<void>;
}

export interface ReplayOptions {
  /**
   * When true (default) an exchange answers once, so the same request recorded twice with
   * different answers (state changed in between) replays in recording order.
   */
  consume?: boolean;
}

// Auth is never recorded (INDEX.md), so OAuth 1.0a / query-string auth parameters are ignored.
const AUTH_PARAMS = /^(oauth_\w+|consumer_key|consumer_secret)$/;

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", reject);
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (raw === "") return resolve(null);
      try {
        resolve(JSON.parse(raw));
      } catch {
        resolve({ $raw: raw });
      }
    });
  });
}

function matches(ex: Exchange, seen: SeenRequest): boolean {
  return (
    ex.request.method.toUpperCase() === seen.method &&
    ex.request.path === seen.path &&
    isDeepStrictEqual(ex.request.query, seen.query) &&
    isDeepStrictEqual(ex.request.body ?? null, seen.body ?? null)
  );
}

// Recordings were made on http://shop.example; answers point at this server instead.
function rebase(body: unknown, url: string): string {
  return JSON.stringify(body).replaceAll("http://shop.example", url);
}

/**
 * A local HTTP server that answers like the recorded WooCommerce 9.9.5: a request whose method,
 * path, query (minus auth) and JSON body equal a recording gets that recording's status, headers
 * and body. Anything else gets 501 `replay_no_match`, and is listed by `unmatched()`.
 */
export async function startReplayServer(exchanges: readonly Exchange[], options: ReplayOptions = {}): Promise<ReplayServer> {
  const consume = options.consume ?? true;
  const used = new Set<number>();
  const seen: SeenRequest[] = [];
  let base = "";

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://replay");
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) if (!AUTH_PARAMS.test(k)) query[k] = v;
      const request: SeenRequest = {
        method: (req.method ?? "GET").toUpperCase(),
        path: url.pathname,
        query,
        body: await readBody(req),
      };
      seen.push(request);
      const index = exchanges.findIndex((ex, i) => !(consume && used.has(i)) && matches(ex, request));
      if (index < 0) {
        res.writeHead(501, { "content-type": "application/json; charset=UTF-8" });
        res.end(
          JSON.stringify({
            code: "replay_no_match",
            message: `No recorded exchange for ${request.method} ${request.path} ${JSON.stringify(query)}`,
            data: { status: 501 },
          }),
        );
        return;
      }
      used.add(index);
      const ex = exchanges[index]!;
      request.answeredBy = ex.name;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(ex.response.headers)) headers[k] = v.replaceAll("http://shop.example", base);
      res.writeHead(ex.response.status, headers);
      res.end(rebase(ex.response.body, base));
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    seen,
    unmatched: () => seen.filter((s) => s.answeredBy === undefined),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/**
 * `kalas-iris serve` on a port something else holds says so and exits 1, so a supervisor
 * (systemd's Restart=on-failure) sees the failure; it used to log "listening" and exit 0.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { tempDir } from "./helpers.js";

const CLI = path.resolve(__dirname, "../bin/kalas-iris.js");
const dataDir = tempDir("kalas-serve-");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("serve", () => {
  it("on a busy port names it and exits 1 without claiming to listen", async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, "127.0.0.1", r));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const r = spawnSync(process.execPath, [CLI, "serve", "--port", String(port)], {
        env: { ...process.env, DATA_DIR: dataDir, HOST: "127.0.0.1" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain(`kalas-iris: 127.0.0.1:${port} is already in use`);
      expect(r.stdout + r.stderr).not.toContain("kalas-iris listening");
    } finally {
      holder.close();
    }
  }, 90_000);
});

describe("serve with a setting it cannot use", () => {
  it.each([
    ["MAX_IMAGE_BYTES", "20MB", /MAX_IMAGE_BYTES must be a whole number 1024 or more, in bytes \(20 MB is 20971520\); it is "20MB"/],
    ["RATE_LIMIT_PER_SECOND", "abc", /RATE_LIMIT_PER_SECOND must be a number .*; it is "abc"/],
    ["PORT", "http", /PORT must be a whole number from 0 to 65535/],
    ["WEB_SHOP", "My Shop", /WEB_SHOP: A shop name is 1-63 lowercase letters/],
    ["WEB_SESSION_SECRET", "short", /WEB_SESSION_SECRET must be at least 32 characters/],
  ])(
    "%s=%s stops it at once with one sentence naming the variable",
    (name, value, message) => {
      const r = spawnSync(process.execPath, [CLI, "serve"], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: "0", [name]: value },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^kalas-iris: ${message.source}`));
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    },
    90_000,
  );
});

/**
 * The systemd unit in service/deploy starts the service as written: its ExecStart, run from the
 * repository with its Environment lines (data folder and port moved to a temporary place), answers
 * ready, and a SIGTERM, what systemd sends on stop, ends it cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { tempDir } from "./helpers.js";

const UNIT = path.resolve(import.meta.dirname, "../deploy/kalas-iris.service");
const REPO = path.resolve(import.meta.dirname, "../..");
const dataDir = tempDir("kalas-deploy-");
let child: ChildProcess | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function unitLines(key: string): string[] {
  return fs
    .readFileSync(UNIT, "utf8")
    .split("\n")
    .filter((l) => l.startsWith(`${key}=`))
    .map((l) => l.slice(key.length + 1));
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe("the systemd unit", () => {
  it("starts the service with its ExecStart and stops it cleanly on SIGTERM", async () => {
    const env = Object.fromEntries(unitLines("Environment").map((l) => l.split(/=(.*)/s).slice(0, 2)));
    expect(env).toMatchObject({ DATA_DIR: "/var/lib/kalas-iris", HOST: "127.0.0.1" });
    const [exec] = unitLines("ExecStart");
    const [node, ...args] = exec.split(" ");
    expect(node).toBe("/usr/bin/node");
    expect(fs.existsSync(path.join(REPO, args[0]))).toBe(true);
    const port = await freePort();
    // Only what systemd gives: the unit's variables (and PATH, HOME), not the test runner's.
    child = spawn(process.execPath, args, {
      cwd: REPO,
      env: { PATH: process.env.PATH, HOME: dataDir, ...env, DATA_DIR: dataDir, PORT: String(port) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const proc = child;
    let stderr = "";
    proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/v1/health/ready`).catch(() => null))?.status, {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(200);
    proc.kill("SIGTERM");
    expect(await exited, stderr).toBe(0);
    expect(stderr).toContain('"msg":"shutting down"');
  }, 90_000);
});

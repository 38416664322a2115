/** `kalas-iris model download`: fetches a pack folder over HTTP, validates it, installs it whole or not at all. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { downloadPack } from "../src/model-build/download-pack.js";
import { loadModel } from "../src/model/load-model.js";
import { tempDir } from "./helpers.js";
import { writeTinyClipPack } from "./tiny-clip.js";

const root = tempDir("kalas-download-");
const served = path.join(root, "served");
let server: http.Server;
let base: string;

beforeAll(async () => {
  writeTinyClipPack(served);
  server = http.createServer((req, res) => {
    const file = path.join(served, decodeURIComponent(new URL(req.url!, "http://x").pathname));
    if (!file.startsWith(served) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("model download", () => {
  it("installs a pack that then loads", async () => {
    const fetched: string[] = [];
    const dir = await downloadPack(base, "clip-a", path.join(root, "packs"), (f) => fetched.push(f));
    expect(fetched).toEqual(expect.arrayContaining(["manifest.json", "image.onnx", "text.onnx", "tokenizer/tokenizer.json"]));
    const model = await loadModel(dir);
    expect(model.heads.map((h) => h.field)).toEqual(["color", "category"]);
    await model.dispose();
  });

  it("leaves nothing behind when a named file is missing", async () => {
    fs.rmSync(path.join(served, "text.onnx"));
    await expect(downloadPack(base, "clip-b", path.join(root, "packs"), () => undefined)).rejects.toThrow(/HTTP 404/);
    expect(fs.existsSync(path.join(root, "packs", "clip-b"))).toBe(false);
    expect(fs.existsSync(path.join(root, "packs", "clip-b.download"))).toBe(false);
  });

  it("says plainly when the network is unreachable", async () => {
    await expect(downloadPack("http://127.0.0.1:9/", "clip-c", path.join(root, "packs"), () => undefined)).rejects.toThrow(
      /needs network access/,
    );
  });
});

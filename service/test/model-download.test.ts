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
const evil = path.join(root, "evil");
let server: http.Server;
let origin: string;
let base: string;

beforeAll(async () => {
  writeTinyClipPack(served);
  server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url!, "http://x").pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  base = `${origin}served/`;
});
afterAll(() => {
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("model download", () => {
  it("refuses a manifest naming a file outside the pack, before downloading anything", async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(served, "manifest.json"), "utf8"));
    for (const [i, bad] of ["../../escaped.onnx", "/tmp/escaped.onnx", "sub/../../escaped.onnx"].entries()) {
      fs.mkdirSync(evil, { recursive: true });
      fs.writeFileSync(path.join(evil, "manifest.json"), JSON.stringify({ ...manifest, encoder: { ...manifest.encoder, file: bad } }));
      fs.writeFileSync(path.join(root, "escaped.onnx"), "x");
      const packs = path.join(root, "evil-packs", "deep");
      const fetched: string[] = [];
      await expect(downloadPack(`${origin}evil/`, `evil-${i}`, packs, (f) => fetched.push(f))).rejects.toThrow(/inside the pack folder/);
      expect(fetched).toEqual([]);
      expect(fs.readdirSync(path.join(root, "evil-packs"))).toEqual(["deep"]);
      expect(fs.readdirSync(packs)).toEqual([]);
    }
  });

  it("refuses pack names that are not a plain folder name", async () => {
    const packs = path.join(root, "names", "packs");
    for (const name of ["../evil", "a/b", ".hidden", "", "a\\b", ".."]) {
      await expect(downloadPack(base, name, packs, () => undefined)).rejects.toThrow(/pack name/);
    }
    expect(fs.existsSync(path.join(root, "names"))).toBe(false);
  });

  it("takes only http(s) URLs, in one sentence", async () => {
    for (const url of ["file:///etc/", "ftp://example.com/pack/", "not a url"]) {
      await expect(downloadPack(url, "clip-f", path.join(root, "packs"), () => undefined)).rejects.toThrow(/is not an http or https URL/);
    }
  });

  it("validates the downloaded pack as the service would load it (encoder sha256)", async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(served, "manifest.json"), "utf8"));
    fs.rmSync(evil, { recursive: true, force: true });
    fs.cpSync(served, evil, { recursive: true });
    fs.writeFileSync(
      path.join(evil, "manifest.json"),
      JSON.stringify({ ...manifest, encoder: { ...manifest.encoder, sha256: "0".repeat(64) } }),
    );
    await expect(downloadPack(`${origin}evil/`, "clip-sha", path.join(root, "packs"), () => undefined)).rejects.toThrow(/sha256/);
    expect(fs.existsSync(path.join(root, "packs", "clip-sha"))).toBe(false);
  });

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

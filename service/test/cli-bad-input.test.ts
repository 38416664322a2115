/** The `kalas-iris` command line given bad input: one sentence, a non-zero exit, and nothing created by mistake. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PHOTOS, tempDir } from "./helpers.js";

const CLI = path.resolve(__dirname, "../bin/kalas-iris.js");
const dataDir = tempDir("kalas-cli-bad-");
const files = path.join(dataDir, "files");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: "utf8" });
const shopDir = (name: string) => path.join(dataDir, "shops", name);
const dress = path.join(PHOTOS, "cc0-dress.jpg");
const put = (name: string, bytes: Buffer | string) => {
  fs.writeFileSync(path.join(files, name), bytes);
  return path.join(files, name);
};

beforeAll(() => {
  fs.mkdirSync(files, { recursive: true });
  const one = path.join(dataDir, "one");
  fs.mkdirSync(one);
  fs.copyFileSync(dress, path.join(one, "dress-1.jpg"));
  expect(cli("index", one, "--shop", "real").status).toBe(0);
});

describe("index and annotate with bad images", () => {
  it("index counts a file whose name is not a valid product id as failed, and exits non-zero when nothing was indexed", () => {
    const dir = path.join(dataDir, "bad-index");
    fs.mkdirSync(dir);
    fs.copyFileSync(dress, path.join(dir, "café shirt.jpg"));
    const full = fs.readFileSync(dress);
    for (let i = 1; i <= 6; i++) fs.writeFileSync(path.join(dir, `t${i}.jpg`), full.subarray(0, 2000 + i * 500));
    const r = cli("index", dir, "--shop", "bad-index");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^indexed 0, failed 7/);
    expect(r.stderr).toContain(`failed ${path.join(dir, "café shirt.jpg")}: product id "café shirt" from the file name: A product id is`);
    // The same sentence annotate gives for the same file, never the decoder's lost "Unknown error".
    expect(r.stderr).not.toMatch(/Unknown error/);
    expect(r.stderr.match(/truncated or corrupt/g)).toHaveLength(6);
  });

  it("index keeps one photo per product id: a second file of the same name fails instead of replacing the first", () => {
    const [a, b] = [path.join(dataDir, "twins-a"), path.join(dataDir, "twins-b")];
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.copyFileSync(dress, path.join(a, "twin.jpg"));
    fs.copyFileSync(dress, path.join(b, "twin.jpg"));
    const r = cli("index", a, b, "--shop", "twins");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^indexed 1, failed 1, .* now holds 1 products/);
    expect(r.stderr).toContain(`failed ${path.join(b, "twin.jpg")}: product id "twin" is already the name of ${path.join(a, "twin.jpg")}`);
  });

  it("annotate names each failure on stderr in file terms, and tries a named file whatever its extension", () => {
    const empty = put("empty.jpg", "");
    const text = put("notes.txt", "hello");
    const r = cli("annotate", empty, text, dress, "--format", "json");
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.map((x: { file: string }) => x.file)).toEqual([empty, text, dress]);
    expect(r.stderr).toContain(`failed ${empty}: the file is empty.`);
    expect(r.stderr).toContain(`failed ${text}: not an image that can be read (JPEG, PNG, WebP, GIF, AVIF or TIFF).`);
    expect(r.stderr).not.toMatch(/request|body/);
  });
});

describe("similar", () => {
  it.each(["0", "abc", "-5", "1.5", "101"])("refuses -k %s", (k) => {
    const r = cli("similar", dress, "--shop", "real", "-k", k);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`kalas-iris: -k must be a whole number from 1 to 100, not "${k}"`);
  });

  it("refuses --format xml, missing files and folders in one sentence", () => {
    expect(cli("similar", dress, "--shop", "real", "--format", "xml").stderr.trim()).toBe(
      'kalas-iris: --format must be table or json, not "xml"',
    );
    expect(cli("similar", "/nope.jpg", "--shop", "real").stderr.trim()).toBe("kalas-iris: /nope.jpg: no such file");
    expect(cli("similar", files, "--shop", "real").stderr.trim()).toBe(`kalas-iris: ${files} is a folder, not a file`);
    expect(cli("similar", put("empty2.jpg", ""), "--shop", "real").stderr.trim()).toBe(
      `kalas-iris: ${path.join(files, "empty2.jpg")}: the file is empty.`,
    );
  });

  it("still answers for good input", () => {
    const r = cli("similar", dress, "--shop", "real", "-k", "1", "--format", "json");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)[0].id).toBe("dress-1");
  });
});

describe("commands on a shop that does not exist", () => {
  it.each([
    ["similar", dress, "--shop", "nosuch"],
    ["reindex", "--shop", "nosuch"],
    ["learn", "--shop", "nosuch"],
    ["shop", "allow-private-urls", "on", "--shop", "nosuch"],
    ["feedback", "list", "--shop", "nosuch"],
    ["feedback", "accept", "1", "--shop", "nosuch"],
  ])("%s refuses without creating the shop", (...args) => {
    const r = cli(...args);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('kalas-iris: Shop "nosuch" does not exist (no products or keys yet); check the name.');
    expect(fs.existsSync(shopDir("nosuch"))).toBe(false);
  });

  it("similar and learn --labels say what is wrong with their file first, before the shop is looked for", () => {
    expect(cli("similar", "/nope.jpg", "--shop", "nosuch").stderr.trim()).toBe("kalas-iris: /nope.jpg: no such file");
    const labels = put("labels-nosuch.csv", "id,category\n");
    expect(cli("learn", "--shop", "nosuch", "--labels", labels).stderr.trim()).toBe(
      `kalas-iris: labels file ${labels} has a header but no rows`,
    );
    expect(fs.existsSync(shopDir("nosuch"))).toBe(false);
  });

  it("keys rotate refuses a shop without a key", () => {
    const r = cli("keys", "rotate", "--shop", "nokey");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/has no API key to rotate; use "keys create/);
    expect(r.stdout).toBe("");
  });
});

describe("settings", () => {
  it("shop allow-private-urls takes only on or off", () => {
    const r = cli("shop", "allow-private-urls", "maybe", "--shop", "real");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('kalas-iris: expected on or off, not "maybe"');
    expect(cli("shop", "allow-private-urls", "ON", "--shop", "real").stdout).toMatch(/allowed/);
  });

  it("serve --port and --data-dir say what is wrong in one sentence", () => {
    expect(cli("serve", "--port", "abc").stderr.trim()).toBe('kalas-iris: --port must be a whole number from 1 to 65535, not "abc"');
    const file = put("not-a-dir", "x");
    const r = cli("--data-dir", file, "keys", "list");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`kalas-iris: --data-dir ${file} is a file, not a folder`);
  });
});

describe("learn --labels", () => {
  const learn = (csv: string) => cli("learn", "--shop", "real", "--labels", put("labels.csv", csv));
  const file = () => path.join(files, "labels.csv");

  it.each([
    ["id,category\na,x\nb,y\na,z\n", 'line 4: id "a" is already on line 2'],
    ['id,category\na,"x\nb,y\n', "line 2: a quote is opened and never closed"],
    ["id,category\na,x,extra\n", "line 2: 3 cells, but the header has 2"],
    ["id,category\na\n", "line 2: 1 cells, but the header has 2"],
    ["id,category\n\nbad id,x\n", 'line 3: id "bad id": A product id is'],
  ])("refuses %j naming the line", (csv, message) => {
    const r = learn(csv);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`kalas-iris: labels file ${file()}, ${message}`);
  });

  it("refuses a header without rows, and a folder", () => {
    expect(learn("id,category\n").stderr.trim()).toBe(`kalas-iris: labels file ${file()} has a header but no rows`);
    expect(cli("learn", "--shop", "real", "--labels", files).stderr.trim()).toBe(`kalas-iris: ${files} is a folder, not a file`);
  });

  it("says why when nothing could be learned", () => {
    const r = learn("id,category\ndress-1,Dresses\n");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).fields).toEqual({});
    expect(r.stderr).toMatch(/Nothing learned: a field needs at least 2 labels/);
  });
});

describe("eval", () => {
  it.each(["abc", "0"])("refuses --k %s", (k) => {
    const r = cli("eval", "--manifest", put("m.csv", "image,type\n"), "--fields", "type", "--k", k);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`kalas-iris: --k must be a whole number of at least 1, not "${k}"`);
  });

  it("refuses a folder as manifest, and counts a missing image or a folder as a failed row in its JSON instead of aborting", () => {
    expect(cli("eval", "--manifest", files, "--fields", "type").stderr.trim()).toBe(`kalas-iris: ${files} is a folder, not a file`);
    const missing = path.join(files, "missing.jpg");
    const missingTest = path.join(files, "missing-test.jpg");
    const m = put(
      "eval.csv",
      [
        "image,type,split",
        `${dress},Dresses,train`,
        `${dress},Dresses,train`,
        `${missing},Dresses,train`,
        `${files},Dresses,train`,
        `,Dresses,train`,
        `${dress},Dresses,test`,
        `${missingTest},Dresses,test`,
      ].join("\n"),
    );
    const r = cli("eval", "--manifest", m, "--fields", "type");
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { n_train: number; n_test: number; failed: { image: string; reason: string }[] };
    expect([out.n_train, out.n_test]).toEqual([2, 1]);
    expect(out.failed).toEqual([
      { image: "", reason: "the row names no image." },
      { image: missing, reason: "no such file." },
      { image: files, reason: "a folder, not a file." },
      { image: missingTest, reason: "no such file." },
    ]);
    // Each said once on stderr, in the words it had before the JSON listed it.
    expect(r.stderr.match(/^failed .*$/gm)).toEqual([
      "failed (no image): the row names no image.",
      `failed ${missing}: no such file.`,
      `failed ${files}: a folder, not a file.`,
      `failed ${missingTest}: no such file.`,
    ]);
  });

  it("counts a photo that cannot be decoded as failed, in training and in testing, and still scores the rest", () => {
    const broken = put("broken.jpg", fs.readFileSync(dress).subarray(0, 3000));
    const m = put(
      "eval-broken.csv",
      ["image,type,split", `${dress},Dresses,train`, `${broken},Dresses,train`, `${dress},Dresses,test`, `${broken},Dresses,test`].join(
        "\n",
      ),
    );
    const r = cli("eval", "--manifest", m, "--fields", "type");
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { n_train: number; n_test: number; failed: unknown[] };
    expect([out.n_train, out.n_test, out.failed.length]).toEqual([1, 1, 2]);
    expect(r.stderr).toContain(`failed ${broken}: The image data is truncated or corrupt`);
  });
});

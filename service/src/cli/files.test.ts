import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { imageFiles } from "./files.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-files-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("imageFiles", () => {
  it("walks a folder with a link back to itself and a dangling link once, images only", () => {
    const dir = path.join(root, "shop");
    fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
    fs.writeFileSync(path.join(dir, "a.jpg"), "");
    fs.writeFileSync(path.join(dir, "sub", "b.png"), "");
    fs.writeFileSync(path.join(dir, "notes.txt"), "");
    fs.symlinkSync(dir, path.join(dir, "sub", "loop"));
    fs.symlinkSync(path.join(dir, "missing.jpg"), path.join(dir, "dangling.jpg"));
    fs.symlinkSync(path.join(dir, "self.jpg"), path.join(dir, "self.jpg"));
    expect(imageFiles([dir]).map((f) => path.relative(dir, f))).toEqual(["a.jpg", path.join("sub", "b.png")]);
  });

  it("names a path given on the command line that cannot be read", () => {
    expect(() => imageFiles([path.join(root, "nothing-here")])).toThrow(/no such file or folder/);
    expect(() => imageFiles([path.join(root, "shop", "self.jpg")])).toThrow(/cannot be read \(ELOOP\)/);
  });
});

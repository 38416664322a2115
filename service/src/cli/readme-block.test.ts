import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { replaceReadmeBlock } from "./readme-block.js";

describe("replaceReadmeBlock", () => {
  it("replaces only the marked block, formatted, and says when the markers are missing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-readme-"));
    const readme = path.join(dir, "README.md");
    fs.writeFileSync(readme, "# Title\n\nBefore.\n\n<!-- t:start -->\n\nold table\n\n<!-- t:end -->\n\nAfter.\n");
    expect(await replaceReadmeBlock(readme, "t", "| a | b |\n|---|---|\n| 1 | 22 |\n")).toBe(true);
    expect(fs.readFileSync(readme, "utf8")).toBe(
      "# Title\n\nBefore.\n\n<!-- t:start -->\n\n| a   | b   |\n| --- | --- |\n| 1   | 22  |\n\n<!-- t:end -->\n\nAfter.\n",
    );
    expect(await replaceReadmeBlock(readme, "other", "x")).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

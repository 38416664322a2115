import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { imageMediaType } from "./image-type.js";

const pixels = () => sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 200, g: 30, b: 30 } } });

describe("imageMediaType", () => {
  it.each([
    ["image/jpeg", () => pixels().jpeg().toBuffer()],
    ["image/png", () => pixels().png().toBuffer()],
    ["image/webp", () => pixels().webp().toBuffer()],
    ["image/gif", () => pixels().gif().toBuffer()],
    ["image/avif", () => pixels().avif().toBuffer()],
    ["image/tiff", () => pixels().tiff().toBuffer()],
  ])("names %s from the bytes sharp wrote", async (type, encode) => {
    expect(imageMediaType(await encode())).toBe(type);
  });

  it("falls back to application/octet-stream for anything else", () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from("<html><script>alert(1)</script></html>"), Buffer.from([0xff, 0xd8])])
      expect(imageMediaType(bytes)).toBe("application/octet-stream");
  });
});

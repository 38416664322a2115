/** The command line's words for a decode failure come from the error's data, not from parsing the API's sentence. */
import { describe, expect, it } from "vitest";

import { damagedPng } from "../../test/helpers.js";
import { AppError } from "../errors.js";
import { decodeForModel } from "../repositories/image.repository.js";
import { imageProblem } from "./image-error.js";

describe("imageProblem for not_an_image", () => {
  it("gives the decoder's reason from a failed decode, while the API's sentence stays as it was", async () => {
    const e = await decodeForModel(await damagedPng(), { size: 224, fit: "pad", padColor: [255, 255, 255] }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect([err.status, err.code]).toEqual([400, "not_an_image"]);
    expect(err.detail).toMatch(/^[^\n]+$/);
    expect(err.message).toBe(`The image cannot be decoded (${err.detail}).`);
    expect(imageProblem(err)).toBe(`not an image that can be read (${err.detail}).`);
  });

  it("reads the reason from the error's detail, whatever its message says", () => {
    const e = new AppError(400, "not_an_image", "The image cannot be decoded.", {}, "gifload: Invalid frame data (frame 2)");
    expect(imageProblem(e)).toBe("not an image that can be read (gifload: Invalid frame data (frame 2)).");
  });

  it("names the formats it reads when there is no decoder's reason (the header check)", () => {
    const e = new AppError(400, "not_an_image", "The body is not an image that can be read (JPEG, PNG, WebP, GIF, AVIF or TIFF).");
    expect(imageProblem(e)).toBe("not an image that can be read (JPEG, PNG, WebP, GIF, AVIF or TIFF).");
  });
});

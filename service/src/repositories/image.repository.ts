/**
 * Wraps sharp: decoding, checking and resizing images. Nothing else in the service imports sharp.
 *
 * Decoding fails on broken input instead of guessing (`failOn: "error"`), and the pixel limit is
 * explicit, so a decompression bomb is refused from its header before any pixel is decoded.
 */
import sharp from "sharp";

import { AppError } from "../errors.js";

sharp.cache(false);
sharp.concurrency(1);

export const IMAGE_LIMITS = {
  maxBytes: Number(process.env.MAX_IMAGE_BYTES ?? 20 * 1024 * 1024),
  maxPixels: Number(process.env.MAX_IMAGE_PIXELS ?? 50_000_000),
};
const FORMATS = new Set(["jpeg", "png", "webp", "gif", "avif", "heif", "tiff"]);

export interface PixelGrid {
  /** RGB bytes, row-major. */
  data: Uint8Array;
  width: number;
  height: number;
}

export interface EncoderInputSpec {
  size: number;
  fit: "pad" | "crop";
  padColor: [number, number, number];
}

/** Reads the header only and refuses what the service will not decode. */
export async function checkImage(bytes: Buffer): Promise<{ format: string; width: number; height: number }> {
  if (bytes.length === 0) throw new AppError(400, "empty_body", "The request has no image: the body is empty.");
  if (bytes.length > IMAGE_LIMITS.maxBytes) {
    throw new AppError(413, "image_too_large", `The image is ${mb(bytes.length)} MB; the limit is ${mb(IMAGE_LIMITS.maxBytes)} MB.`);
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError(400, "not_an_image", "The body is not an image that can be read (JPEG, PNG, WebP, GIF, AVIF or TIFF).");
  }
  if (!meta.format || !FORMATS.has(meta.format)) {
    throw new AppError(
      400,
      "unsupported_format",
      `Images in ${meta.format ?? "this"} format are not supported; use JPEG, PNG, WebP, GIF, AVIF or TIFF.`,
    );
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > IMAGE_LIMITS.maxPixels) {
    throw new AppError(
      413,
      "too_many_pixels",
      `The image claims ${width}x${height} pixels; the limit is ${IMAGE_LIMITS.maxPixels / 1e6} megapixels.`,
    );
  }
  return { format: meta.format, width, height };
}

/**
 * Decodes once and produces both the encoder's square RGB input and a small grid for colour
 * analysis. Throws a 400 when the data is truncated or corrupt.
 */
export async function decodeForModel(
  bytes: Buffer,
  spec: EncoderInputSpec,
  colorSide = 64,
): Promise<{ model: PixelGrid; color: PixelGrid }> {
  await checkImage(bytes);
  try {
    const base = sharp(bytes, { failOn: "error", limitInputPixels: IMAGE_LIMITS.maxPixels, animated: false })
      .rotate()
      .flatten({ background: { r: 255, g: 255, b: 255 } })
      .removeAlpha()
      .toColourspace("srgb");
    const [r, g, b] = spec.padColor;
    const modelImg = base
      .clone()
      .resize(spec.size, spec.size, { fit: spec.fit === "pad" ? "contain" : "cover", background: { r, g, b }, kernel: "lanczos3" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const colorImg = base.clone().resize(colorSide, colorSide, { fit: "inside" }).raw().toBuffer({ resolveWithObject: true });
    const [m, c] = await Promise.all([modelImg, colorImg]);
    return {
      model: { data: new Uint8Array(m.data), width: m.info.width, height: m.info.height },
      color: { data: new Uint8Array(c.data), width: c.info.width, height: c.info.height },
    };
  } catch (e) {
    const msg = (e as Error).message ?? "";
    if (/pixel limit/i.test(msg)) throw new AppError(413, "too_many_pixels", "The image has more pixels than the service accepts.");
    if (/premature|truncat|corrupt|end of|extraneous|invalid|unexpected/i.test(msg)) {
      throw new AppError(400, "truncated_image", "The image data is truncated or corrupt and cannot be decoded.");
    }
    throw new AppError(400, "not_an_image", `The image cannot be decoded (${msg.split("\n")[0]}).`);
  }
}

/** A small JPEG thumbnail, for the web app and CLI previews. */
export async function thumbnail(bytes: Buffer, side = 160): Promise<Buffer> {
  return sharp(bytes, { failOn: "error", limitInputPixels: IMAGE_LIMITS.maxPixels })
    .rotate()
    .resize(side, side, { fit: "inside" })
    .jpeg({ quality: 80 })
    .toBuffer();
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

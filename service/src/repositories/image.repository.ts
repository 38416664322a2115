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

// Read as modules load, before the configuration is checked (config-checks.ts stops the process
// on a value that is not a number): until then a bad one must not reach multer, which throws.
export const IMAGE_LIMITS = {
  maxBytes: Number(process.env.MAX_IMAGE_BYTES) || 20 * 1024 * 1024,
  maxPixels: Number(process.env.MAX_IMAGE_PIXELS) || 50_000_000,
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
 * Decodes once (JPEGs shrink while decoding) to the encoder's size and derives both the encoder's
 * square RGB input and a small grid for colour analysis from that. Throws a 400 when the data is
 * truncated or corrupt.
 */
export async function decodeForModel(
  bytes: Buffer,
  spec: EncoderInputSpec,
  colorSide = 64,
): Promise<{ model: PixelGrid; color: PixelGrid }> {
  let decoded: { data: Buffer; info: sharp.OutputInfo };
  const image = await openPhoto(bytes);
  try {
    decoded = await image
      .removeAlpha()
      .toColourspace("srgb")
      .resize(spec.size, spec.size, { fit: spec.fit === "pad" ? "inside" : "cover", kernel: "lanczos3" })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw decodeError(e as Error);
  }
  const photo: PixelGrid = { data: new Uint8Array(decoded.data), width: decoded.info.width, height: decoded.info.height };
  const small = await sharp(decoded.data, { raw: { width: photo.width, height: photo.height, channels: 3 } })
    .resize(colorSide, colorSide, { fit: "inside" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    model: padToSquare(photo, spec.size, spec.padColor),
    color: { data: new Uint8Array(small.data), width: small.info.width, height: small.info.height },
  };
}

/**
 * A JPEG that fits a square of side `max`, for screens that list many photos, decoded with the same
 * checks and limits as for the model.
 */
export async function thumbnailJpeg(bytes: Buffer, max: number): Promise<Buffer> {
  const image = await openPhoto(bytes);
  try {
    return await image.resize({ width: max, height: max, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
  } catch (e) {
    throw decodeError(e as Error);
  }
}

/**
 * Checks the header, then opens the photo as a shopper sees it: upright (EXIF orientation) and on
 * white where it is transparent, strict about corrupt data and bounded in pixels. Decoding errors
 * surface when the pipeline runs, so its callers map them with `decodeError`.
 */
async function openPhoto(bytes: Buffer): Promise<sharp.Sharp> {
  await checkImage(bytes);
  return sharp(bytes, { failOn: "error", limitInputPixels: IMAGE_LIMITS.maxPixels, animated: false })
    .rotate()
    .flatten({ background: { r: 255, g: 255, b: 255 } });
}

/** Centres the photo on a square of `padColor` (product photos: white), as sharp's "contain" would. */
function padToSquare(g: PixelGrid, size: number, pad: [number, number, number]): PixelGrid {
  if (g.width === size && g.height === size) return g;
  const out = new Uint8Array(size * size * 3);
  for (let i = 0; i < size * size; i++) out.set(pad, i * 3);
  const left = Math.floor((size - g.width) / 2);
  const top = Math.floor((size - g.height) / 2);
  for (let y = 0; y < g.height; y++) out.set(g.data.subarray(y * g.width * 3, (y + 1) * g.width * 3), ((top + y) * size + left) * 3);
  return { data: out, width: size, height: size };
}

function decodeError(e: Error): AppError {
  const msg = e.message ?? "";
  if (/pixel limit/i.test(msg)) return new AppError(413, "too_many_pixels", "The image has more pixels than the service accepts.");
  if (/premature|truncat|corrupt|end of|extraneous|invalid|unexpected/i.test(msg)) {
    return new AppError(400, "truncated_image", "The image data is truncated or corrupt and cannot be decoded.");
  }
  const reason = msg.split("\n")[0];
  return new AppError(400, "not_an_image", `The image cannot be decoded (${reason}).`, {}, reason);
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

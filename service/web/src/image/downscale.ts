/** Longest side sent to the service: ample for a 224 px model and for colours, and a 12 MP photo shrinks ~25x. */
export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.9;
/** Small enough photos in a format every decoder reads go as they are, untouched. */
const PASS_THROUGH_BYTES = 1.5 * 1024 * 1024;
const PASS_THROUGH_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface Decoded {
  width: number;
  height: number;
  close(): void;
}

/** The browser's image machinery, injectable so the sizing logic can be tested without a canvas. */
export interface ImageCodec<D extends Decoded = Decoded> {
  decode(blob: Blob): Promise<D>;
  encode(image: D, width: number, height: number, type: string, quality: number): Promise<Blob>;
}

export interface PreparedPhoto {
  blob: Blob;
  width: number;
  height: number;
  downscaled: boolean;
}

/** Scales (width, height) so the long side is at most `max`, keeping the aspect ratio. */
export function targetSize(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= max) return { width, height };
  const scale = max / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function needsDownscale(width: number, height: number, bytes: number, type: string): boolean {
  return Math.max(width, height) > MAX_SIDE || bytes > PASS_THROUGH_BYTES || !PASS_THROUGH_TYPES.has(type);
}

/**
 * Shrinks a large photo to a JPEG of at most MAX_SIDE px before upload: a phone's 12 MP photo is
 * 3-8 MB, which is slow on a mobile link, and the model sees 224 px anyway. A file the browser cannot
 * decode goes as it is, so the service can give its own precise answer about the format.
 */
export async function preparePhoto<D extends Decoded>(file: Blob, codec: ImageCodec<D>): Promise<PreparedPhoto> {
  let image: D;
  try {
    image = await codec.decode(file);
  } catch {
    return { blob: file, width: 0, height: 0, downscaled: false };
  }
  try {
    if (!needsDownscale(image.width, image.height, file.size, file.type)) {
      return { blob: file, width: image.width, height: image.height, downscaled: false };
    }
    const size = targetSize(image.width, image.height);
    const blob = await codec.encode(image, size.width, size.height, 'image/jpeg', JPEG_QUALITY);
    return { blob, ...size, downscaled: true };
  } finally {
    image.close();
  }
}

/** A small JPEG data URL of the photo for the local history list. */
export async function thumbnail<D extends Decoded>(file: Blob, codec: ImageCodec<D>, side = 160): Promise<string | null> {
  try {
    const image = await codec.decode(file);
    try {
      const size = targetSize(image.width, image.height, side);
      return await blobToDataUrl(await codec.encode(image, size.width, size.height, 'image/jpeg', 0.7));
    } finally {
      image.close();
    }
  } catch {
    return null;
  }
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

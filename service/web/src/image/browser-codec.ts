import type { ImageCodec } from './downscale';

/**
 * Decoding with createImageBitmap honours EXIF orientation, so a portrait phone photo stays upright;
 * OffscreenCanvas keeps the encode off the layout path where the browser has it.
 */
export const browserCodec: ImageCodec<ImageBitmap> = {
  decode: (blob) => createImageBitmap(blob, { imageOrientation: 'from-image' }),
  async encode(image, width, height, type, quality) {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(image, 0, 0, width, height);
      return canvas.convertToBlob({ type, quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(image, 0, 0, width, height);
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), type, quality));
  },
};

import { MAX_UPLOAD_MB, notAnImage, tooLarge } from '../api/errors';

const MAX_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

/**
 * Rejects what is plainly not a photo, or too big to send, before anything is decoded or uploaded,
 * so the person gets the specific reason at once. The file's first bytes decide when the browser
 * gives no type (drag-and-drop from some apps, pasted files).
 */
export async function validatePhoto(file: Blob, fileName: string): Promise<void> {
  if (!(await looksLikeImage(file))) throw notAnImage(fileName);
  if (file.size > MAX_BYTES) throw tooLarge(file.size);
}

async function looksLikeImage(file: Blob): Promise<boolean> {
  if (file.size === 0) return false;
  if (file.type && !file.type.startsWith('image/')) return false;
  // The bytes decide even when the type says image/: an SVG or a renamed file would only fail later, less clearly.
  return sniffImage(new Uint8Array(await readBytes(file.slice(0, 16))));
}

/** True when the bytes start like an image format browsers or the service can decode. */
export function sniffImage(b: Uint8Array): boolean {
  const ascii = (from: number, to: number): string => String.fromCharCode(...b.slice(from, to));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true; // JPEG
  if (b[0] === 0x89 && ascii(1, 4) === 'PNG') return true;
  if (ascii(0, 4) === 'GIF8') return true;
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return true;
  if (ascii(4, 8) === 'ftyp') return true; // AVIF, HEIC
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return true; // TIFF
  if (ascii(0, 2) === 'BM') return true;
  return false;
}

function readBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

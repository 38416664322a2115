import type { HttpRequest, HttpResponse, Transport } from '../api/http';
import type { Annotation } from '../api/types';
import type { Decoded, ImageCodec } from '../image/downscale';

/** An annotation shaped like docs/api.md's example. */
export function sampleAnnotation(overrides: Partial<Annotation> = {}): Annotation {
  return {
    category: { label: 'Dresses', score: 0.93, confident: true, alternatives: [{ label: 'Skirts', score: 0.04 }] },
    attributes: {
      gender: { label: 'Women', score: 0.97, confident: true, alternatives: [] },
      usage: { label: 'Casual', score: 0.41, confident: false, alternatives: [{ label: 'Formal', score: 0.3 }] },
    },
    colors: [
      { name: 'red', hex: '#c62828', share: 0.71 },
      { name: 'white', hex: '#f5f5f5', share: 0.18 },
    ],
    model: { name: 'kalas-fashion-mnv2', version: '1.0.0' },
    timing_ms: 21.4,
    ...overrides,
  };
}

export const sampleModel = {
  name: 'kalas-fashion-mnv2',
  version: '1.0.0',
  fields: {
    category: { labels: ['Dresses', 'Skirts', 'Tshirts'] },
    gender: { labels: ['Men', 'Women', 'Unisex'] },
    usage: { labels: ['Casual', 'Formal', 'Sports'] },
    pattern: { labels: ['Solid', 'Striped', 'Checked'] },
  },
  palette: [
    { name: 'red', hex: '#c62828' },
    { name: 'white', hex: '#f5f5f5' },
    { name: 'navy', hex: '#1a237e' },
  ],
};

export type Handler = (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;

/** A transport answering from `METHOD /path` handlers and recording every request. */
export function fakeTransport(handlers: Record<string, Handler>): Transport & { calls: HttpRequest[] } {
  const calls: HttpRequest[] = [];
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    calls.push(request);
    const path = request.url.split('?')[0];
    const handler = handlers[`${request.method} ${path}`];
    if (!handler) return json(404, { error: { code: 'route_not_found', message: 'No such route.' } });
    request.onUploadProgress?.(0.5);
    request.onUploadProgress?.(1);
    return handler(request);
  };
  return Object.assign(transport, { calls });
}

export function json(status: number, body: unknown, retryAfter: string | null = null): HttpResponse {
  return { status, json: body, retryAfter };
}

/** A Storage in memory; `quota` makes setItem throw past that many characters, like a full localStorage. */
export function memoryStorage(quota = Infinity): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => {
      if (v.length > quota) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
  };
}

/** A codec that "decodes" every image to the given size and records what it was asked to encode. */
export function fakeCodec(
  width: number,
  height: number,
): ImageCodec<Decoded> & { encoded: { width: number; height: number; type: string; quality: number }[] } {
  const encoded: { width: number; height: number; type: string; quality: number }[] = [];
  return {
    encoded,
    decode: async () => ({ width, height, close: () => undefined }),
    encode: async (_image, w, h, type, quality) => {
      encoded.push({ width: w, height: h, type, quality });
      return new Blob([new Uint8Array(1000)], { type });
    },
  };
}

export const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);

export function jpegFile(name = 'dress.jpg', size = JPEG_BYTES.length): File {
  const bytes = new Uint8Array(size);
  bytes.set(JPEG_BYTES);
  return new File([bytes], name, { type: 'image/jpeg' });
}

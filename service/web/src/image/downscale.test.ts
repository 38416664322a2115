// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { describe, expect, it } from 'vitest';

import { preparePhoto, targetSize, thumbnail } from './downscale';
import { fakeCodec, jpegFile } from '../test/fixtures';

describe('targetSize', () => {
  it('brings a 12 MP photo to 1600 px on the long side, keeping the ratio', () => {
    expect(targetSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(targetSize(3024, 4032)).toEqual({ width: 1200, height: 1600 });
  });

  it('leaves a small photo alone', () => {
    expect(targetSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
});

describe('preparePhoto', () => {
  it('re-encodes a large photo as JPEG at quality 0.9', async () => {
    const codec = fakeCodec(4000, 3000);
    const prepared = await preparePhoto(jpegFile('big.jpg', 4_000_000), codec);
    expect(prepared).toMatchObject({ width: 1600, height: 1200, downscaled: true });
    expect(codec.encoded).toEqual([{ width: 1600, height: 1200, type: 'image/jpeg', quality: 0.9 }]);
    expect(prepared.blob.type).toBe('image/jpeg');
  });

  it('sends a small JPEG untouched', async () => {
    const codec = fakeCodec(224, 224);
    const file = jpegFile('small.jpg', 20_000);
    const prepared = await preparePhoto(file, codec);
    expect(prepared.blob).toBe(file);
    expect(prepared.downscaled).toBe(false);
    expect(codec.encoded).toEqual([]);
  });

  it('sends the original when the browser cannot decode it, so the service can explain', async () => {
    const file = jpegFile('odd.heic');
    const prepared = await preparePhoto(file, {
      decode: () => Promise.reject(new Error('no')),
      encode: () => Promise.reject(new Error('no')),
    });
    expect(prepared.blob).toBe(file);
  });
});

describe('thumbnail', () => {
  it('makes a small JPEG data URL', async () => {
    const codec = fakeCodec(1600, 1200);
    const url = await thumbnail(jpegFile(), codec);
    expect(url).toMatch(/^data:image\/jpeg;base64,/);
    expect(codec.encoded[0]).toMatchObject({ width: 160, height: 120 });
  });
});

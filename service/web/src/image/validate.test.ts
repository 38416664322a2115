// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { describe, expect, it } from 'vitest';

import { sniffImage, validatePhoto } from './validate';
import { jpegFile } from '../test/fixtures';

describe('validatePhoto', () => {
  it('accepts a JPEG', async () => {
    await expect(validatePhoto(jpegFile(), 'dress.jpg')).resolves.toBeUndefined();
  });

  it('rejects a text file, even one named like a photo', async () => {
    await expect(validatePhoto(new File(['hello'], 'notes.txt', { type: 'text/plain' }), 'notes.txt')).rejects.toMatchObject({
      code: 'not_an_image',
    });
    await expect(validatePhoto(new File(['hello there, friend'], 'fake.jpg', { type: 'image/jpeg' }), 'fake.jpg')).rejects.toMatchObject({
      code: 'not_an_image',
      message: '“fake.jpg” is not a photo. Choose a JPEG, PNG, WebP, GIF or AVIF image.',
    });
  });

  it('rejects an empty file as not a photo', async () => {
    await expect(validatePhoto(new File([], 'empty.jpg', { type: 'image/jpeg' }), 'empty.jpg')).rejects.toMatchObject({
      code: 'not_an_image',
    });
  });

  it('rejects a photo over 20 MB with its size', async () => {
    const big = jpegFile('huge.jpg', 21 * 1024 * 1024);
    await expect(validatePhoto(big, 'huge.jpg')).rejects.toMatchObject({
      code: 'too_large',
      message: 'The photo is 21.0 MB; the limit is 20 MB. Choose a smaller photo.',
    });
  });
});

describe('sniffImage', () => {
  const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  it('knows the formats the service reads', () => {
    expect(sniffImage(bytes('\x89PNG\r\n\x1a\n'))).toBe(true);
    expect(sniffImage(bytes('GIF89a'))).toBe(true);
    expect(sniffImage(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe(true);
    expect(sniffImage(bytes('\0\0\0\x1cftypavif'))).toBe(true);
    expect(sniffImage(bytes('<svg xmlns='))).toBe(false);
    expect(sniffImage(bytes('%PDF-1.7'))).toBe(false);
  });
});

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { MISSING_DATASET, repoRoot, type Product } from './support/env.js';
import { WebApp } from './support/webapp.page.js';

// sharp is the service's dependency; the test borrows it to make a phone-sized photo.
const sharp = createRequire(path.join(repoRoot, 'service', 'package.json'))('sharp') as typeof import('sharp');
const query = process.env.KALAS_WEBAPP_QUERY ? (JSON.parse(process.env.KALAS_WEBAPP_QUERY) as Product) : null;

test.describe('large phone photos', () => {
  test.skip(!query, MISSING_DATASET);

  test('a 12 MP photo is downscaled to 1600 px before upload, with upload progress shown', async ({ page }, testInfo) => {
    // A 4032x3024 JPEG, the size of a typical 12 MP phone photo; noise keeps it large, as a real photo is.
    const big = await sharp(query!.file)
      .resize(4032, 3024, { fit: 'fill' })
      .composite([
        {
          input: await sharp({
            create: {
              width: 4032,
              height: 3024,
              channels: 3,
              background: { r: 128, g: 128, b: 128 },
              noise: { type: 'gaussian', mean: 128, sigma: 40 },
            },
          })
            .png()
            .toBuffer(),
          blend: 'overlay',
        },
      ])
      .jpeg({ quality: 92 })
      .toBuffer();
    // Well over the 1.5 MB a photo may have to go untouched.
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const file = testInfo.outputPath('phone-photo.jpg');
    fs.writeFileSync(file, big);

    const app = new WebApp(page);
    await app.open();
    // A slow uplink, so the progress bar has time to be seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });

    const upload = page.waitForRequest((r) => r.url().endsWith('/v1/annotate') && r.method() === 'POST');
    await app.choosePhoto(file);
    await expect(page.getByRole('status').filter({ hasText: /Uploading the photo… \d+%/ })).toBeVisible();
    await expect(page.getByRole('progressbar')).toBeVisible();
    const body = (await upload).postDataBuffer()!;
    await expect(app.annotation).toBeVisible();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    const sent = await sharp(jpegPart(body)).metadata();
    expect({ format: sent.format, width: sent.width, height: sent.height }).toEqual({ format: 'jpeg', width: 1600, height: 1200 });
    expect(body.length).toBeLessThan(big.length / 3);
  });
});

/** The JPEG inside a multipart body: from its start-of-image marker to its last end-of-image marker. */
function jpegPart(body: Buffer): Buffer {
  const start = body.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
  const end = body.lastIndexOf(Buffer.from([0xff, 0xd9]));
  return body.subarray(start, end + 2);
}

import { expect, test } from '@playwright/test';

import { type Product } from './support/env.js';
import { WebApp } from './support/webapp.page.js';

// A real photo when the dataset is there; the error cases need only some valid image.
const query = process.env.KALAS_WEBAPP_QUERY ? (JSON.parse(process.env.KALAS_WEBAPP_QUERY) as Product) : null;
const photo = query?.file ?? process.env.KALAS_WEBAPP_SYNTHETIC!;
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** Each failure gets its own plain sentence, and nothing that looks like a stack trace. */
async function expectPlainError(app: WebApp, text: string | RegExp): Promise<void> {
  await expect(app.alert).toBeVisible();
  await expect(app.alert).toContainText(text);
  await expect(app.alert).not.toContainText(/Error:|at \S+ \(|\.ts:\d+|\.js:\d+/);
}

test.describe('error messages', () => {
  test('a file that is not a photo', async ({ page }, testInfo) => {
    const app = new WebApp(page);
    await app.open();
    await app.choosePhoto({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('a shopping list, not a photo') });
    await expectPlainError(app, '“notes.txt” is not a photo. Choose a JPEG, PNG, WebP, GIF or AVIF image.');
    await app.screenshot(testInfo, 'error-not-image', { docs: testInfo.project.name === 'phone' });
  });

  test('a file that is too large', async ({ page }) => {
    const app = new WebApp(page);
    await app.open();
    const buffer = Buffer.alloc(21 * 1024 * 1024);
    JPEG_HEAD.copy(buffer);
    await app.choosePhoto({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer });
    await expectPlainError(app, 'The photo is 21.0 MB; the limit is 20 MB. Choose a smaller photo.');
  });

  test.describe('with a valid photo', () => {
    test('an unreachable service', async ({ page }) => {
      const app = new WebApp(page);
      await app.open();
      // The service is up for the other tests, so the network fails here for the page alone.
      await page.route('**/v1/annotate', (route) => route.abort('connectionrefused'));
      await app.choosePhoto(photo);
      await expectPlainError(app, 'The Kalas Iris service cannot be reached.');
      await expect(app.alert.getByRole('button', { name: 'Try again' })).toBeVisible();
      // Once it is back, "Try again" sends the same photo.
      await page.unroute('**/v1/annotate');
      await app.alert.getByRole('button', { name: 'Try again' }).click();
      await expect(app.annotation).toBeVisible();
    });

    test('an invalid API key', async ({ page }, testInfo) => {
      const app = new WebApp(page);
      await app.open();
      await app.saveKey('kis_this_key_does_not_exist');
      await app.choosePhoto(photo);
      await expectPlainError(app, 'The service did not accept the API key. Open Settings and paste a valid key.');
      await app.alert.getByRole('button', { name: 'Open settings' }).click();
      await expect(app.settings.getByLabel('API key')).toBeVisible();
      await app.screenshot(testInfo, 'error-invalid-key', { docs: testInfo.project.name === 'phone' });
      // Forgetting the key goes back to the demo session.
      await app.settings.getByRole('button', { name: 'Forget key' }).click();
      await expect(app.settings).toContainText('This site runs a public demo');
    });

    test('a rate limit', async ({ page }) => {
      // A second service whose limit refuses the very first request (WEB_RATE_LIMIT_PER_SECOND=0.01).
      const app = new WebApp(page);
      await page.goto(process.env.KALAS_WEBAPP_LIMITED_URL!);
      await app.choosePhoto(photo);
      await expectPlainError(app, /^Too many requests right now\. Try again in \d+ seconds\./);
    });
  });
});

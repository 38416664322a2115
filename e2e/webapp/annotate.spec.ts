import { expect, test, type Locator } from '@playwright/test';

import { apiKey, MISSING_DATASET, port, type Product } from './support/env.js';
import { WebApp } from './support/webapp.page.js';

const query = process.env.KALAS_WEBAPP_QUERY ? (JSON.parse(process.env.KALAS_WEBAPP_QUERY) as Product) : null;
const indexed = process.env.KALAS_WEBAPP_PRODUCTS ? (JSON.parse(process.env.KALAS_WEBAPP_PRODUCTS) as Product[]) : [];

test.describe('annotate a real photo', () => {
  test.skip(!query, MISSING_DATASET);

  test('annotates, corrects, and shows similar items through the demo session', async ({ page, request }, testInfo) => {
    const app = new WebApp(page);
    await app.open();
    await app.screenshot(testInfo, '1-start', { docs: testInfo.project.name === 'phone' });
    await app.choosePhoto(query!.file);

    // Annotation: labelled confidence bars, colour swatches with names and shares, and the time taken.
    await expect(app.annotation).toBeVisible();
    await expect(app.annotation.locator('meter').first().or(app.annotation.getByText('Not predicted by this model'))).toBeVisible();
    const swatches = app.annotation.locator('.swatch');
    await expect(swatches.first()).toBeVisible();
    await expect(swatches.first()).toHaveText(/^[a-z][a-z ]*\d+%$/);
    await expect(app.annotation.getByText(/^Took \d+(\.\d)? (ms|s) on the service, \d+(\.\d)? (ms|s) in all · model /)).toBeVisible();
    await expect(app.annotation.getByText(/\d\.\d{3,}/)).toHaveCount(0);

    // Similar items: names link to the product page, each with its similarity.
    const first = app.similar.getByRole('listitem').first();
    await expect(first).toBeVisible();
    await expect(app.similar.getByRole('listitem')).toHaveCount(Math.min(8, indexed.length));
    await expect(first.getByText(/^Similarity \d+%$/)).toBeVisible();
    const link = first.getByRole('link');
    await expect(link).toHaveAttribute('href', /^https:\/\/shop\.example\/product\/\d+$/);
    const names = indexed.map((p) => p.name);
    expect(names).toContain(await link.textContent());
    await app.expectSimilarPhotosLoaded();
    await app.screenshot(testInfo, '2-annotated', { fullPage: true });

    // Correction: once the pack's labels have loaded, change the first colour name (and the category, when the pack has one).
    await page.getByText('Correct this annotation').click();
    const colour = page.getByLabel('Colour 1');
    await expect.poll(() => colour.locator('option').count()).toBeGreaterThan(5);
    // Prefer "yellow": the query photo in today's dataset is a yellow shirt. Any other name tests the same path.
    const chosen = await otherOption(colour, 'yellow');
    await colour.selectOption(chosen!);
    const category = page.getByLabel('Category', { exact: true });
    const chosenCategory = await otherOption(category);
    if (chosenCategory) await category.selectOption(chosenCategory);
    await page.getByRole('button', { name: 'Send correction' }).click();
    // Sent through the public session: stored, and the visitor is told the shop looks at it first.
    const saved = page.getByText('Correction saved. Thank you: the shop looks at it before it changes anything.');
    await expect(saved).toBeVisible();
    await saved.scrollIntoViewIfNeeded();
    await app.screenshot(testInfo, '3-corrected', { docs: testInfo.project.name === 'phone' });

    // The service stored it, with the photo, for this shop.
    const res = await request.get(`http://127.0.0.1:${port}/v1/feedback?limit=1`, { headers: { Authorization: `Bearer ${apiKey()}` } });
    expect(res.status()).toBe(200);
    const [stored] = (
      (await res.json()) as {
        items: {
          has_image: boolean;
          source: string;
          review: string;
          learns: boolean;
          correction: { colors?: string[]; category?: string };
        }[];
      }
    ).items;
    expect(stored?.has_image).toBe(true);
    expect(stored).toMatchObject({ source: 'web', review: 'pending', learns: false });
    expect(stored?.correction.colors?.[0]).toBe(chosen);
    if (chosenCategory) expect(stored?.correction.category).toBe(chosenCategory);

    // History: the query is listed with its thumbnail, survives a reload, and can be deleted.
    const entry = app.history.getByRole('listitem');
    await expect(entry).toHaveCount(1);
    await page.reload();
    await expect(entry).toHaveCount(1);
    await expect(entry.locator('img')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    await entry.getByRole('button', { name: /^Delete / }).click();
    await expect(app.history.getByText('No photos yet.')).toBeVisible();
  });

  test('uses a pasted API key when the site offers no public demo', async ({ page }) => {
    const app = new WebApp(page);
    // This deployment has the demo on; answer the session route as a deployment without it would.
    await page.route('**/v1/web/session', (route) =>
      route.fulfill({ status: 404, json: { error: { code: 'web_sessions_disabled', message: 'Off.' } } }),
    );
    await app.open();
    await expect(app.settings).toContainText('This site has no public demo');
    await app.saveKey(apiKey());
    await app.choosePhoto(query!.file);
    await expect(app.annotation).toBeVisible();
    await expect(app.similar.getByRole('listitem').first()).toBeVisible();
    // The key lives in this browser only, never in what the server sent.
    expect(await page.evaluate(() => localStorage.getItem('kalas-iris:api-key'))).toBe(apiKey());
    expect(await (await page.request.get('/')).text()).not.toContain(apiKey());
  });
});

/** A non-empty option of a select other than the selected one: the preferred one when offered, else the first. */
async function otherOption(select: Locator, preferred?: string): Promise<string | undefined> {
  const current = await select.inputValue();
  const values = (await select.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))).filter(
    (v) => v !== '' && v !== current,
  );
  return preferred && values.includes(preferred) ? preferred : values[0];
}

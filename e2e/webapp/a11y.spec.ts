import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { MISSING_DATASET, type Product } from './support/env.js';
import { WebApp } from './support/webapp.page.js';

const query = process.env.KALAS_WEBAPP_QUERY ? (JSON.parse(process.env.KALAS_WEBAPP_QUERY) as Product) : null;

/** Serious and critical violations only, listed by rule and target so a failure says what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.describe('accessibility', () => {
  test('the start page and settings have no serious violations, and work from the keyboard', async ({ page }) => {
    const app = new WebApp(page);
    await app.open();
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: the skip link comes first, then the controls, and Settings opens with Enter.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.settings).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(app.settings.getByLabel('API key')).toBeFocused();
  });

  test('the result, with the correction form open, has no serious violations', async ({ page }) => {
    test.skip(!query, MISSING_DATASET);
    const app = new WebApp(page);
    await app.open();
    await app.choosePhoto(query!.file);
    await expect(app.similar.getByRole('listitem').first()).toBeVisible();
    await page.getByText('Correct this annotation').click();
    await expect(page.getByRole('button', { name: 'Send correction' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';

import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

import { screenshotPath } from '../../support/screenshots.js';
import { datasetDir, imageHost } from './env.js';

/** The try-it page, addressed the way a person sees it: by roles and labels. */
export class WebApp {
  readonly annotation: Locator;
  readonly similar: Locator;
  readonly history: Locator;
  readonly settings: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.annotation = page.getByRole('region', { name: 'Annotation' });
    this.similar = page.getByRole('region', { name: 'Similar items' });
    this.history = page.getByRole('region', { name: 'Recent photos' });
    this.settings = page.getByRole('region', { name: 'Settings' });
    this.alert = page.locator('[role=alert]').first();
  }

  /** Opens the page; product photos of the index are answered from the dataset, as a shop's site would. */
  async open(): Promise<void> {
    const dataset = datasetDir();
    await this.page.route(`${imageHost}/images/*.jpg`, async (route) => {
      const file = dataset && path.join(dataset, 'images', path.basename(new URL(route.request().url()).pathname));
      if (file && fs.existsSync(file)) await route.fulfill({ path: file, contentType: 'image/jpeg' });
      else await route.fulfill({ status: 404 });
    });
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Kalas Iris', level: 1 })).toBeVisible();
  }

  async choosePhoto(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel('Choose a photo').setInputFiles(file);
  }

  async openSettings(): Promise<void> {
    if (!(await this.settings.isVisible())) await this.page.getByRole('button', { name: 'Settings' }).click();
    await expect(this.settings).toBeVisible();
  }

  async saveKey(key: string): Promise<void> {
    await this.openSettings();
    await this.settings.getByLabel('API key').fill(key);
    await this.settings.getByRole('button', { name: 'Save key' }).click();
  }

  /** Scrolls every lazy product photo into view and waits until each has really loaded. */
  async expectSimilarPhotosLoaded(): Promise<void> {
    for (const img of await this.similar.locator('img').all()) {
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0))
        .toBe(true);
    }
    await this.page.evaluate(() => window.scrollTo(0, 0));
  }

  /**
   * Saves a screenshot of a state to the test's output folder; with KALAS_SCREENSHOTS=1, the states the
   * README shows also go to docs/screenshots/webapp-<project>-<state>.png, where they are committed.
   */
  async screenshot(testInfo: TestInfo, state: string, options: { fullPage?: boolean; docs?: boolean } = {}): Promise<void> {
    const file = `webapp-${testInfo.project.name}-${state}.png`;
    const target = screenshotPath(testInfo, file, options.docs !== false);
    await this.page.screenshot({ path: target, fullPage: options.fullPage ?? false, animations: 'disabled' });
  }
}

import fs from 'node:fs';
import path from 'node:path';

import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

import { datasetDir, imageHost, repoRoot } from './env';

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

  /** Writes docs/screenshots/webapp-<project>-<state>.png when KALAS_SCREENSHOTS=1 (they are committed). */
  async screenshot(testInfo: TestInfo, state: string): Promise<void> {
    const file = `webapp-${testInfo.project.name}-${state}.png`;
    const target = process.env.KALAS_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs', 'screenshots', file) : testInfo.outputPath(file);
    await this.page.screenshot({ path: target, fullPage: true, animations: 'disabled' });
  }
}

import { expect, test } from '@playwright/test';

import { WebApp } from './support/webapp.page.js';

test.describe('installable app', () => {
  test('has a manifest with icons, and its service worker takes control', async ({ page, request }) => {
    const app = new WebApp(page);
    await app.open();
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const manifest = (await (await request.get(href!)).json()) as {
      display: string;
      start_url: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const res = await request.get(icon.src);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
    }
    // `ready` resolves once a worker is active, which may still be "activating": wait for the end state.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
    // Chromium's own verdict on whether the page can be installed. Playwright's contexts are incognito,
    // where nothing installs, so that one reason is expected and left out.
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  });

  test('offline, says plainly that annotation needs the service', async ({ page, context }, testInfo) => {
    const app = new WebApp(page);
    await app.open();
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
    await expect(page.getByText('annotating a photo and finding similar items need a connection to it')).toBeVisible();
    await app.screenshot(testInfo, 'offline', { docs: testInfo.project.name === 'phone' });
    await context.setOffline(false);
  });

  test('sends cache headers that keep the shell fresh', async ({ request }) => {
    expect((await request.get('/')).headers()['cache-control']).toBe('no-cache');
    expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
  });
});

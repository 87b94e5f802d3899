import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { waitForServiceWorker } from './helpers';

test('Chromium finds no installability errors in the manifest and service worker', async ({ baseURL }) => {
  // A persistent context: the default one is incognito, itself an installability error (stack.md).
  const dir = mkdtempSync(join(tmpdir(), 'ita-install-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: baseURL!,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[];
    };
    await cdp.detach();
    expect(installabilityErrors).toEqual([]);

    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({ lang: 'th', display: 'standalone', start_url: '/', scope: '/' });
    const icons = manifest.icons as { sizes: string; purpose: string }[];
    expect(icons.map((i) => `${i.sizes}:${i.purpose}`).sort()).toEqual([
      '192x192:any',
      '512x512:any',
      '512x512:maskable',
    ]);
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

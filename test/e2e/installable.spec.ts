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
      '192x192:maskable',
      '512x512:any',
      '512x512:maskable',
    ]);
    // Any orientation; shortcuts to meeting mode, ticking and the report; screenshots for the install sheet.
    expect(manifest.orientation).toBeUndefined();
    const shortcuts = manifest.shortcuts as { url: string }[];
    expect(shortcuts.map((s) => s.url)).toEqual(['/go/meeting', '/go/tick', '/go/report']);
    const shots = manifest.screenshots as { src: string; sizes: string; form_factor: string }[];
    expect(new Set(shots.map((s) => s.form_factor))).toEqual(new Set(['narrow', 'wide']));
    for (const shot of shots) {
      const png = await (await page.request.get(shot.src)).body();
      // The PNG header's width and height match what the manifest says.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(shot.sizes);
    }
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

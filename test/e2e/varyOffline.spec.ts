import { expect, test } from '@playwright/test';
import { goOffline, waitForServiceWorker } from './helpers';
import { startVaryHost, type VaryHost } from './varyHost';

let host: VaryHost;
test.beforeAll(async () => {
  host = await startVaryHost();
});
test.afterAll(async () => {
  await host.close();
});

test('the app opens offline behind a host that adds Vary: Origin to every response', async ({
  page,
  context,
}) => {
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(new URL(r.url()).pathname));
  await page.goto(`${host.url}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'แผนมาตรการของหน่วยงาน' })).toBeVisible();
  const vary = await page.evaluate(async () => (await fetch('/')).headers.get('vary'));
  expect(vary).toMatch(/Origin/);
  await waitForServiceWorker(page);

  await goOffline(context, page);
  failed.length = 0;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'แผนมาตรการของหน่วยงาน' })).toBeVisible();
  await expect(page.getByTestId('net-status')).toHaveText(/ออฟไลน์/);
  // A deep link too, whose page code is a chunk of its own.
  await page.goto(`${host.url}/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'ตั้งค่าอุปกรณ์' })).toBeVisible();
  expect(failed).toEqual([]);
});

/**
 * What the startup bench measures in Chromium: the JS+CSS a first visit
 * loads, and an offline cold start (a relaunched browser, the service worker
 * not running, the network off) up to the first meaningful render.
 */
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

const STEP_MS = 20_000;
const LAUNCH = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: STEP_MS };

/** The element whose appearance is the first meaningful render, and the text it must hold. */
export interface Landmark {
  selector: string;
  text: string;
}

export interface LoadedFile {
  path: string;
  bytes: number;
  gzip: number;
}

/** Waits until a service worker is active and controls the page (the shell is then precached). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload({ waitUntil: 'load' });
  }
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, {
    timeout: STEP_MS,
  });
}

/** Every JS and CSS file the page loads on a first visit, until the network is idle and the worker controls it. */
export async function initialFiles(url: string): Promise<LoadedFile[]> {
  const browser = await chromium.launch(LAUNCH);
  try {
    const context = await browser.newContext();
    context.setDefaultTimeout(STEP_MS);
    const page = await context.newPage();
    // Bodies are fetched as they arrive; a failure is kept as a value and thrown below.
    const bodies = new Map<string, Promise<Buffer | Error>>();
    page.on('response', (res: Response) => {
      const type = res.request().resourceType();
      if ((type === 'script' || type === 'stylesheet') && !bodies.has(res.url())) {
        const body = res.ok() ? res.body() : Promise.reject(new Error(`HTTP ${res.status()}`));
        bodies.set(
          res.url(),
          body.catch(
            (err: unknown) => new Error(`${res.url()}: ${err instanceof Error ? err.message : String(err)}`),
          ),
        );
      }
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await waitForServiceWorker(page);
    await page.waitForLoadState('networkidle');
    const files: LoadedFile[] = [];
    for (const [fileUrl, body] of bodies) {
      const bytes = await body;
      if (bytes instanceof Error) throw bytes;
      files.push({
        path: new URL(fileUrl).pathname,
        bytes: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
      });
    }
    if (files.length === 0) throw new Error(`${url}: no JS or CSS loaded`);
    return files.sort((a, b) => b.gzip - a.gzip);
  } finally {
    await browser.close();
  }
}

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  context.setDefaultTimeout(STEP_MS);
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/**
 * Page code (a statement) that sets `window.__firstRender` once the frame that
 * shows what was just put in the DOM has been laid out and painted: a task
 * queued from that frame's animation callback runs after its paint. The DOM
 * insertion alone is not the render: a page that shows a shell first has laid
 * out its text by then, a page that shows nothing before its data has not.
 */
export const MARK_AFTER_PAINT =
  'requestAnimationFrame(() => setTimeout(() => { window.__firstRender = performance.now(); }, 0));';

/**
 * Records performance.now() (ms since navigation start) when the landmark first
 * shows: in the DOM, then painted. A string, not a function: tsx's name helpers
 * would not exist in the page.
 */
function landmarkWatcher({ selector, text }: Landmark): string {
  return `{
    const selector = ${JSON.stringify(selector)}, text = ${JSON.stringify(text)};
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)?.textContent?.includes(text)) {
        observer.disconnect();
        ${MARK_AFTER_PAINT}
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }`;
}

/**
 * One offline cold start in ms: a fresh profile visits `url` online until the
 * service worker controls it; the browser is closed, relaunched offline, and
 * opens `url` again.
 */
export async function offlineColdStart(url: string, landmark: Landmark): Promise<number> {
  const profile = await mkdtemp(join(tmpdir(), 'ita-bench-'));
  try {
    const first = await launch(profile);
    try {
      await first.page.goto(url, { waitUntil: 'load' });
      await waitForServiceWorker(first.page);
    } finally {
      await first.context.close();
    }
    const second = await launch(profile);
    try {
      await second.context.setOffline(true);
      await second.context.addInitScript(landmarkWatcher(landmark));
      await second.page.goto(url, { waitUntil: 'commit' });
      const handle = await second.page.waitForFunction(
        () => (window as unknown as { __firstRender?: number }).__firstRender,
        undefined,
        { timeout: STEP_MS },
      );
      const ms = (await handle.jsonValue()) as number;
      const controlled = await second.page.evaluate(() => Boolean(navigator.serviceWorker.controller));
      if (!controlled) throw new Error(`${url}: the offline start was not served by the service worker`);
      return ms;
    } finally {
      await second.context.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

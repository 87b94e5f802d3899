/**
 * Where one screen's first render spends its time at ten years' scale: a
 * timeline of one warm open (as the follow-up bench opens it) with the files
 * loaded, every IndexedDB request (store, index, method, how long it took),
 * when "loading" and the screen's content reached the DOM and when that
 * frame was painted, then the main thread's tasks over 1.5 ms with what ran
 * inside them (script, layout with its object count, font lookups). Run
 * after `BENCH_ONLY=followUp npm run bench` has built .bench/app-dist:
 *
 *   node_modules/.bin/tsx test/bench/waterfall.ts meeting|dashboard|plans
 *
 * The instrumentation costs main-thread time itself: read it for order and
 * proportions, and the bench for the figures.
 */
import { chromium, type CDPSession } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { DATASET, generateInPage, openAsReturningUser } from './followUp';
import { waitForServiceWorker } from './measure';
import { serveDir } from './util';

/** Page code: logs IndexedDB requests, long tasks and DOM milestones into window.__log. */
const PROBE = `{
  const log = (window.__log = []);
  const mark = (what) => log.push([performance.now(), what]);
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const name of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'put', 'add']) {
      const original = proto[name];
      proto[name] = function (...args) {
        const t0 = performance.now();
        const request = original.apply(this, args);
        const where = this.objectStore ? this.objectStore.name + '.' + this.name : this.name;
        request.addEventListener('success', () => {
          const n = Array.isArray(request.result) ? ' rows ' + request.result.length : '';
          mark('idb ' + where + '.' + name + ' ' + (performance.now() - t0).toFixed(1) + ' ms' + n);
        });
        return request;
      };
    }
  }
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    mark('idb open');
    const request = open.apply(this, args);
    request.addEventListener('success', () => mark('idb opened'));
    return request;
  };
  const seen = new Set();
  const once = (key, test) => { if (!seen.has(key) && test()) { seen.add(key); mark(key); return true; } return false; };
  new MutationObserver(() => {
    once('DOM: loading shown', () => document.querySelector('main p.loading'));
    if (once('DOM: content shown', () => document.querySelector('main li.agenda-row, main svg[role="img"], main li.card, main h1:only-child, main h1 + ul'))) {
      requestAnimationFrame(() => setTimeout(() => mark('painted'), 0));
    }
  }).observe(document, { childList: true, subtree: true });
}`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: { url?: string; functionName?: string; documentLoaderURL?: string };
    beginData?: { dirtyObjects?: number };
  };
}

async function traceEvents(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,fonts',
    transferMode: 'ReportEvents',
  });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** The page's main-thread tasks over 1.5 ms, each with the events inside it over 1 ms. */
function mainThreadTasks(events: TraceEvent[]): string[] {
  // The page's own navigation (the newest main-frame one; its URL is sometimes left empty).
  const nav = events
    .filter(
      (e) =>
        e.name === 'navigationStart' &&
        (e.args?.data?.documentLoaderURL?.startsWith('http') ||
          (e.args?.data as { isOutermostMainFrame?: boolean } | undefined)?.isOutermostMainFrame),
    )
    .at(-1);
  if (!nav) return ['(no navigation in the trace)'];
  const main = events.filter(
    (e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.ts >= nav.ts && e.dur,
  );
  const at = (e: TraceEvent) => `${((e.ts - nav.ts) / 1000).toFixed(1)} +${((e.dur ?? 0) / 1000).toFixed(1)}`;
  const lines: string[] = [];
  for (const task of main.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 1500)) {
    lines.push(`task ${at(task)}`);
    const inside = main.filter(
      (e) =>
        e !== task &&
        e.name !== 'RunTask' &&
        (e.dur ?? 0) > 1000 &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0),
    );
    for (const e of inside.slice(0, 8)) {
      const d = e.args?.data;
      const what = [d?.url?.split('/').pop(), d?.functionName, e.args?.beginData?.dirtyObjects].filter(
        Boolean,
      );
      lines.push(`    ${at(e)} ${e.name} ${what.join(' ')}`);
    }
  }
  return lines;
}

const screen = process.argv[2] ?? 'meeting';
// `floor`: the startup bench's floor page (.bench/floor-dist), for comparison.
const server = await serveDir(screen === 'floor' ? '.bench/floor-dist' : '.bench/app-dist');
const profile = await mkdtemp(join(tmpdir(), 'ita-waterfall-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
try {
  let gen = { planId: '', meetingId: '' };
  if (screen === 'floor') {
    const home = await context.newPage();
    await home.goto(server.url, { waitUntil: 'load' });
    await waitForServiceWorker(home);
    await home.close();
  } else {
    const home = await openAsReturningUser(context, server.url);
    gen = await home.evaluate(generateInPage, DATASET);
    await home.goto('about:blank');
  }
  const path =
    screen === 'meeting'
      ? `/meetings/${gen.meetingId}`
      : screen === 'dashboard'
        ? `/plans/${gen.planId}/dashboard`
        : '/';

  // Two unmeasured opens (as the bench's warm-up), then the one shown.
  for (let i = 0; i < 3; i++) {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const open = async () => {
      await page.goto(new URL(path, server.url).href, { waitUntil: 'commit' });
      await page.waitForFunction(() =>
        (window as unknown as { __log: [number, string][] }).__log.some((x) => x[1] === 'painted'),
      );
    };
    if (i < 2) {
      await open();
      await page.close();
      continue;
    }
    // --no-trace: the timeline alone, without the tracing's own cost.
    const tasks = process.argv.includes('--no-trace')
      ? ['(not traced)']
      : mainThreadTasks(await traceEvents(await context.newCDPSession(page), open));
    if (process.argv.includes('--no-trace')) await open();
    const timeline = await page.evaluate(() => {
      const rows: [number, string][] = [...(window as unknown as { __log: [number, string][] }).__log];
      for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        rows.push([
          e.startTime,
          `file ${e.name.split('/').pop()} (${e.initiatorType}), in at ${e.responseEnd.toFixed(1)}`,
        ]);
      }
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      rows.push([nav.responseEnd, 'HTML in'], [nav.domContentLoadedEventEnd, 'DOMContentLoaded done']);
      return rows.sort((a, b) => a[0] - b[0]).map(([t, what]) => `${t.toFixed(1).padStart(7)} ${what}`);
    });
    console.log(
      `${screen} (${path}), ms from navigation start:\n${timeline.join('\n')}\n\nmain thread:\n${tasks.join('\n')}`,
    );
    await page.close();
  }
} finally {
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}

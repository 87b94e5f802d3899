/**
 * A Chromium trace of one offline cold start of the app and of the floor
 * page (test/bench/floor), summarised side by side: where the main thread's
 * time goes until the first render. Run after `BENCH_ONLY=startup npm run
 * bench` has built both into .bench/:
 *
 *   node_modules/.bin/tsx test/bench/trace.ts
 *
 * Writes the raw traces to .bench/trace-app.json and .bench/trace-floor.json
 * (open them in chrome://tracing or the DevTools performance panel).
 */
import { chromium } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { waitForServiceWorker } from './measure';
import { serveDir } from './util';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  dur?: number;
  ts: number;
  args?: { data?: { url?: string; functionName?: string } };
}

const CATEGORIES = [
  'devtools.timeline',
  // Font lookups: on Linux each is a call out of the sandbox, and they are much of the first layout.
  'fonts',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'ServiceWorker',
].join(',');

async function trace(url: string, landmark: string): Promise<TraceEvent[]> {
  const profile = await mkdtemp(join(tmpdir(), 'ita-trace-'));
  const launch = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
  try {
    const first = await chromium.launchPersistentContext(profile, launch);
    const p1 = first.pages()[0] ?? (await first.newPage());
    await p1.goto(url, { waitUntil: 'load' });
    await waitForServiceWorker(p1);
    await first.close();

    const second = await chromium.launchPersistentContext(profile, launch);
    await second.setOffline(true);
    const page = second.pages()[0] ?? (await second.newPage());
    const cdp = await second.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      (text) => document.querySelector('main h1')?.textContent?.includes(text),
      landmark,
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await cdp.send('Tracing.end');
    await done;
    await second.close();
    return events;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** Milliseconds of complete events by name, from navigation start to the end of the trace. */
function summarise(events: TraceEvent[]): Map<string, number> {
  const start = events.find((e) => e.name === 'navigationStart')?.ts ?? Math.min(...events.map((e) => e.ts));
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.ts < start) continue;
    const file = e.args?.data?.url ? ` ${new URL(e.args.data.url, 'http://x').pathname}` : '';
    const key = ['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule'].includes(e.name)
      ? `${e.name}${file}`
      : e.name;
    totals.set(key, (totals.get(key) ?? 0) + e.dur / 1000);
  }
  return totals;
}

const app = await serveDir('.bench/app-dist');
const floor = await serveDir('.bench/floor-dist');
try {
  const appEvents = await trace(app.url, 'แผนมาตรการของหน่วยงาน');
  const floorEvents = await trace(floor.url, 'รายการ');
  await writeFile('.bench/trace-app.json', JSON.stringify({ traceEvents: appEvents }));
  await writeFile('.bench/trace-floor.json', JSON.stringify({ traceEvents: floorEvents }));
  const a = summarise(appEvents);
  const f = summarise(floorEvents);
  const names = [...new Set([...a.keys(), ...f.keys()])]
    .map((n) => ({ n, app: a.get(n) ?? 0, floor: f.get(n) ?? 0 }))
    .filter((r) => r.app >= 1 || r.floor >= 1)
    .sort((x, y) => y.app - y.floor - (x.app - x.floor));
  console.log('event (ms, summed, nested events counted in each)   app   floor   app−floor');
  for (const r of names.slice(0, 30)) {
    console.log(
      `${r.n.padEnd(52)} ${r.app.toFixed(1).padStart(6)} ${r.floor.toFixed(1).padStart(7)} ${(r.app - r.floor).toFixed(1).padStart(8)}`,
    );
  }
} finally {
  await Promise.all([app.close(), floor.close()]);
}

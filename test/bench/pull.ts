/**
 * The sync pull bench (issue 6.7): 50,000 changes pulled into a fresh device
 * in Chromium, on PGlite and on PostgreSQL (when one answers at
 * TEST_DATABASE_URL, in a schema of its own). Target: ≤ 10 s.
 *
 * One server in this process serves the app build (.bench/app-dist) and the
 * API on one 127.0.0.1 origin. A node-side "seeding" device, enrolled over
 * HTTP, pushes the changes a phone would make (ops as src/db/writer.ts makes
 * them: a plan, 7 measures, 84 actions and the rest ticks spread over the
 * actions, 500 a request). Then, per run, a fresh Chromium profile opens
 * `/enrol?code=…`, enrols, goes to `/sync` by the app's own links (no reload:
 * a reload would start a sync by itself), and the time is taken from the
 * click on "ซิงก์ตอนนี้" until the status shows the last attempt succeeded
 * (nothing to push, then every pull page merged). Afterwards the page's
 * IndexedDB must hold every record, read with raw IndexedDB. Then the floor
 * (`indexedDbFloor`): the same records written again into a new database
 * with the same indexes, in transactions of a page, with raw IndexedDB and
 * nothing else, the least a pull into this browser on this machine can take.
 *
 * With --details: per pull page, the server's query time (pullChanges called
 * directly afterwards), the HTTP round trip as the browser saw it, and the
 * page's own time until its next request (JSON parse and the merge
 * transaction).
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { ChangeOp } from '../../src/domain/changeLog';
import { tickHlc } from '../../src/domain/hlc';
import {
  compactChange,
  PULL_FORMAT,
  PULL_MAX_CHANGES,
  PUSH_MAX_OPS,
  type PushResponse,
  type WirePullResponse,
} from '../../src/domain/syncProtocol';
import type { TableName, TickStatus } from '../../src/domain/types';
import { runAdmin } from '../../src/server/admin';
import { startServer, type RunningServer } from '../../src/server/main';
import { pullChanges } from '../../src/server/sync';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { freshPostgresSchema, median, viteBuild } from './util';

const APP_DIST = '.bench/app-dist'; // the startup and follow-up benches build the same folder
const DATA_DIR = '.bench/pull-data';
const CHANGES = 50_000;
const MEASURES = 7;
const ACTIONS_PER_MEASURE = 12;
const RUNS = Math.max(1, Number(process.env.PULL_RUNS) || 3);
const TARGET_S = 10;
const STEP_MS = 30_000;
/** One timed pull may take this long before the run fails. */
const PULL_MS = 120_000;
/** The whole bench, both databases. */
const BENCH_MS = 8 * 60_000;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_pull';
/** 1 October 2023 (fiscal year 2567 starts), 09:00 Bangkok. */
const T0 = Date.UTC(2023, 9, 1, 2, 0, 0);
const unlimited = { rateLimit: { burst: 1e9, perMinute: 1e9 } };

interface Seeded {
  agencyId: string;
  enrolCode: string;
  counts: Record<'plans' | 'measures' | 'actions' | 'progress', number>;
  pushMs: number;
}

/** The ops a phone makes for a plan, its measures and actions, then ticks spread over the actions. */
function makeOps(deviceId: string): { ops: ChangeOp[]; counts: Seeded['counts'] } {
  const ops: ChangeOp[] = [];
  let last: string | null = null;
  const by = 'นางสาวทดสอบ ระบบ';
  const add = (table: TableName, wall: number, fields: Record<string, unknown>): string => {
    last = tickHlc(last, wall, deviceId);
    const id = uuidv7();
    ops.push({
      opId: uuidv7(),
      deviceId,
      deviceSeq: ops.length + 1,
      table,
      id,
      kind: 'put',
      fields: { ...fields, deletedAt: null },
      before: null,
      baseRev: null,
      hlc: last,
      at: new Date(wall).toISOString(),
      by,
      sentAt: null,
    });
    return id;
  };

  const planId = add('plans', T0, {
    agency: { name: 'องค์การบริหารส่วนตำบลทดสอบ', district: 'เมือง', province: 'ขอนแก่น' },
    assessmentYear: 2566,
    fiscalYear: 2567,
    overallScore: 84.37,
    rating: 'B',
    constraints: ['บุคลากรมีจำนวนจำกัด', 'งบประมาณไม่เพียงพอ'],
    warnings: [],
  });
  const actions: { id: string; measureId: string }[] = [];
  for (let m = 1; m <= MEASURES; m++) {
    const measureId = add('measures', T0 + m, {
      planId,
      number: m,
      title: `มาตรการส่งเสริมความโปร่งใสในการปฏิบัติงาน ข้อ ${m}`,
      items: [1, 2, 3].map((k) => ({ code: `o${m * 3 + k}`, text: `ข้อมูลที่เปิดเผยรายการที่ ${m * 3 + k}` })),
      indicators: [{ number: m, name: `ตัวชี้วัดที่ ${m}`, score: 71.5 + m }],
      findings: [
        {
          kind: 'weakness',
          instrument: 'EIT',
          indicator: m,
          code: `e${m}`,
          text: `ข้อคำถามที่ ${m} เรื่องการปฏิบัติงานอย่างโปร่งใส`,
          score: 65.2,
          analysis: 'ผู้รับบริการยังไม่ทราบช่องทางการเข้าถึงข้อมูล',
        },
      ],
      responsible: 'สำนักปลัด/กองคลัง',
      responsibleUnits: ['สำนักปลัด', 'กองคลัง'],
      period: { start: '2023-10-01', end: '2024-09-30' },
    });
    for (let a = 0; a < ACTIONS_PER_MEASURE; a++) {
      const method = a < ACTIONS_PER_MEASURE / 2;
      const n = method ? a + 1 : a - ACTIONS_PER_MEASURE / 2 + 1;
      const id = add('actions', T0 + 100 + m * 20 + a, {
        planId,
        measureId,
        kind: method ? 'method' : 'step',
        number: `${method ? 1 : 3}.${n}`,
        text: method
          ? `จัดทำประกาศและเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน ข้อ ${n}`
          : `ติดตามและรายงานผลต่อผู้บริหารทุกไตรมาส ขั้นที่ ${n}`,
      });
      actions.push({ id, measureId });
    }
  }
  const ticks = CHANGES - ops.length;
  const statuses: TickStatus[] = ['done', 'in_progress', 'not_started'];
  const span = 360 * 86_400_000; // the fiscal year, one tick every ~10 minutes
  for (let i = 0; i < ticks; i++) {
    const wall = T0 + 86_400_000 + Math.floor((i * span) / ticks);
    const action = actions[(i * 37) % actions.length]!;
    add('progress', wall, {
      planId,
      measureId: action.measureId,
      actionId: action.id,
      date: new Date(wall + 7 * 3_600_000).toISOString().slice(0, 10), // Bangkok calendar
      status: statuses[i % 5 === 4 ? 2 : i % 3 === 0 ? 1 : 0],
      note: i % 4 === 0 ? 'ดำเนินการตามแผน เผยแพร่บนเว็บไซต์แล้ว' : '',
      by,
      at: new Date(wall).toISOString(),
      deviceId,
      meetingId: null,
      corrects: null,
    });
  }
  return {
    ops,
    counts: { plans: 1, measures: MEASURES, actions: actions.length, progress: ticks },
  };
}

/** A new agency, its enrol code, and the changes pushed by a node-side device. */
async function seed(server: RunningServer): Promise<Seeded> {
  const origin = `http://127.0.0.1:${server.port}`;
  // The seeding device and one fresh device per run enrol with this code.
  const created = await runAdmin(server.db, 'create', ['หน่วยงานทดสอบการดึงข้อมูล', '--uses', String(RUNS + 1)], {
    publicUrl: origin,
  });
  if (!created.ok) throw new Error(created.message);
  const { agencyId, enrolCode } = created.result as { agencyId: string; enrolCode: string };
  const res = await fetch(`${origin}/api/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: enrolCode, deviceName: 'เครื่องป้อนข้อมูล (bench)' }),
  });
  if (res.status !== 201) throw new Error(`enrol answered ${res.status}: ${await res.text()}`);
  const device = (await res.json()) as { deviceId: string; token: string };
  const { ops, counts } = makeOps(device.deviceId);
  const started = performance.now();
  for (let i = 0; i < ops.length; i += PUSH_MAX_OPS) {
    const batch = ops.slice(i, i + PUSH_MAX_OPS);
    const answer = await fetch(`${origin}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ deviceId: device.deviceId, ops: batch }),
    });
    if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${await answer.text()}`);
    const { results } = (await answer.json()) as PushResponse;
    const bad = results.find((r) => r.status !== 'applied');
    if (bad || results.length !== batch.length) {
      throw new Error(`push: not every op applied: ${JSON.stringify(bad ?? results.length)}`);
    }
  }
  return { agencyId, enrolCode, counts, pushMs: performance.now() - started };
}

interface PageTiming {
  /** Request sent → response body received, as the browser's process saw it (ms). */
  http: number;
  /** Response received → next request (or the status showing success): parse and merge (ms). */
  page: number;
}

interface RunResult {
  ms: number;
  pages: PageTiming[];
  stored: Record<string, number>;
  /** IndexedDB alone: the same records written again the same way, without the app (ms). */
  floorMs: number;
}

/** Resolves with the ms from the click until the status shows success; rejects with the page's error. */
function timedSync(timeoutMs: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const status = () => document.querySelector('[data-testid=sync-status]');
    const button = [...document.querySelectorAll('main button')].find(
      (b) => b.textContent?.trim() === 'ซิงก์ตอนนี้',
    ) as HTMLButtonElement | undefined;
    if (!button || button.disabled) return reject(new Error('no enabled "ซิงก์ตอนนี้" button'));
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not synced after ${timeoutMs} ms`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      const el = status();
      const attempt = el?.getAttribute('data-last-attempt') ?? '';
      if (!attempt) return;
      const success = el?.getAttribute('data-last-success') ?? '';
      const ms = performance.now() - t0;
      clearTimeout(timer);
      observer.disconnect();
      if (success === attempt) resolve(ms);
      else reject(new Error(`sync failed: ${el?.querySelector('[role=status]')?.textContent ?? '?'}`));
    });
    observer.observe(document.querySelector('main') ?? document, {
      attributes: true,
      childList: true,
      subtree: true,
    });
    const t0 = performance.now();
    button.click();
  });
}

/** Record counts per store, read with raw IndexedDB (not the app's code). */
function storedCounts(stores: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('ita-tracker');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(stores, 'readonly');
      const out: Record<string, number> = {};
      for (const name of stores) {
        const count = tx.objectStore(name).count();
        count.onsuccess = () => (out[name] = count.result);
      }
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * The floor: what IndexedDB alone takes to store what the pull stored. In
 * the same page, the records of `stores` are read back (untimed) and written
 * into a new database whose stores have the same keys and indexes, in
 * transactions of `perTransaction` records as the pull's pages, with no app
 * code (no fetch, JSON, merge or Dexie). Resolves with the ms of the writes.
 */
async function indexedDbFloor([stores, perTransaction]: [string[], number]): Promise<number> {
  const done = (req: IDBRequest | IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      if (req instanceof IDBTransaction) req.oncomplete = () => resolve();
      else req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
  const open = async (name: string, upgrade?: (db: IDBDatabase) => void) => {
    const req = indexedDB.open(name);
    if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
    await done(req);
    return req.result;
  };
  const source = await open('ita-tracker');
  const read = source.transaction(stores, 'readonly');
  const shapes = stores.map((name) => {
    const store = read.objectStore(name);
    const all = store.getAll();
    const indexes = [...store.indexNames].map((i) => store.index(i));
    return {
      name,
      keyPath: store.keyPath,
      indexes: indexes.map((i) => ({
        name: i.name,
        keyPath: i.keyPath,
        unique: i.unique,
        multiEntry: i.multiEntry,
      })),
      all,
    };
  });
  await done(read);
  source.close();
  const target = await open('ita-floor', (db) => {
    for (const shape of shapes) {
      const store = db.createObjectStore(shape.name, { keyPath: shape.keyPath });
      for (const i of shape.indexes)
        store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  });
  const started = performance.now();
  for (const shape of shapes) {
    const records = shape.all.result as unknown[];
    for (let i = 0; i < records.length; i += perTransaction) {
      const tx = target.transaction(shape.name, 'readwrite');
      const store = tx.objectStore(shape.name);
      for (const record of records.slice(i, i + perTransaction)) store.put(record);
      await done(tx);
    }
  }
  const ms = performance.now() - started;
  target.close();
  return ms;
}

/** One fresh device: enrol in the page, open /sync by the app's links, time the sync, count what it stored. */
async function oneRun(origin: string, seeded: Seeded, setClose: (fn: () => Promise<void>) => void) {
  const profile = await mkdtemp(join(tmpdir(), 'ita-bench-pull-'));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    context = undefined;
  };
  setClose(close);
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      timeout: STEP_MS,
    });
    context.setDefaultTimeout(STEP_MS);
    // tsx keeps function names with a `__name` helper that the page lacks.
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    const page: Page = context.pages()[0] ?? (await context.newPage());

    // Sync requests as the browser process sees them; none may come before the click.
    let clickedAt: number | null = null;
    const early: string[] = [];
    const sent = new Map<object, number>();
    const pages: { start: number; end: number }[] = [];
    page.on('request', (req) => {
      if (!req.url().includes('/api/v1/sync/')) return;
      if (clickedAt === null) early.push(req.url());
      if (req.url().includes('/api/v1/sync/pull')) sent.set(req, performance.now());
    });
    page.on('requestfinished', (req) => {
      const start = sent.get(req);
      if (start !== undefined) pages.push({ start, end: performance.now() });
    });

    await page.goto(`${origin}/enrol?code=${encodeURIComponent(seeded.enrolCode)}`, { waitUntil: 'load' });
    await page.locator('main h1', { hasText: 'ลงทะเบียนอุปกรณ์' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The app starts its sync triggers 2 s after the first screen (not enrolled yet: nothing runs).
    await page.waitForTimeout(3_000);
    await page.locator('#enrol-device-name').fill('มือถือเครื่องใหม่ (bench)');
    await page.getByRole('button', { name: 'ลงทะเบียน', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/export');
    await page.getByRole('link', { name: 'ตั้งค่าอุปกรณ์' }).click();
    await page.getByRole('link', { name: 'ซิงก์ระหว่างเครื่อง' }).click();
    const status = page.locator('[data-testid=sync-status]');
    await status.waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLButtonElement>('main button')].some(
        (b) => b.textContent?.trim() === 'ซิงก์ตอนนี้' && !b.disabled,
      ),
    );
    if ((await status.getAttribute('data-last-attempt')) !== '') {
      throw new Error('a sync ran before the click (the device is not fresh)');
    }
    if (early.length > 0) throw new Error(`sync requests before the click: ${early.join(', ')}`);

    clickedAt = performance.now();
    const ms = await page.evaluate(timedSync, PULL_MS);
    const doneAt = clickedAt + ms;
    const synced = ['plans', 'measures', 'actions', 'progress'];
    const stored = await page.evaluate(storedCounts, synced);
    const floorMs = await page.evaluate(indexedDbFloor, [synced, PULL_MAX_CHANGES] as [string[], number]);
    pages.sort((a, b) => a.start - b.start);
    const timings = pages.map((p, i) => ({
      http: p.end - p.start,
      page: (pages[i + 1]?.start ?? doneAt) - p.end,
    }));
    return { ms, pages: timings, stored, floorMs } satisfies RunResult;
  } finally {
    await close();
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Server-side time of each pull page: pullChanges on the same cursors, and the
 * JSON the route sends the app (wire format PULL_FORMAT).
 */
async function serverPages(server: RunningServer, agencyId: string) {
  const out: { query: number; json: number; bytes: number }[] = [];
  let since = 0;
  for (;;) {
    const t0 = performance.now();
    const page = await pullChanges(server.db, agencyId, since, PULL_MAX_CHANGES);
    const t1 = performance.now();
    const body = JSON.stringify(
      PULL_FORMAT === 2
        ? ({ ...page, changes: page.changes.map(compactChange) } satisfies WirePullResponse)
        : page,
    );
    out.push({ query: t1 - t0, json: performance.now() - t1, bytes: Buffer.byteLength(body) });
    since = page.cursor;
    if (!page.more) return out;
  }
}

async function measure(
  label: string,
  server: RunningServer,
  details: boolean,
  setClose: (fn: () => Promise<void>) => void,
) {
  const origin = `http://127.0.0.1:${server.port}`;
  const seeded = await seed(server);
  const expected = seeded.counts;
  const runs: RunResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await oneRun(origin, seeded, setClose);
    for (const [store, want] of Object.entries(expected)) {
      if (run.stored[store] !== want) {
        throw new Error(
          `${label}: the device's '${store}' store holds ${run.stored[store]} records, expected ${want}`,
        );
      }
    }
    runs.push(run);
  }
  const s = median(runs.map((r) => r.ms)) / 1000;
  const floor = median(runs.map((r) => r.floorMs)) / 1000;
  const ratio = s / TARGET_S;
  if (details) {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const f = (n: number) => n.toFixed(0);
    const srv = await serverPages(server, seeded.agencyId);
    console.error(
      `  ${label}: seeded ${CHANGES.toLocaleString('en')} changes (${JSON.stringify(expected)}) in ` +
        `${(seeded.pushMs / 1000).toFixed(1)} s by push; runs (s): ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(', ')}; ` +
        `IndexedDB alone (s): ${runs.map((r) => (r.floorMs / 1000).toFixed(2)).join(', ')}`,
    );
    console.error(
      `  ${label} server, per page of ${PULL_MAX_CHANGES} (${srv.length} pages): pullChanges median ${f(median(srv.map((p) => p.query)))} ms ` +
        `(total ${f(sum(srv.map((p) => p.query)))} ms), JSON.stringify median ${f(median(srv.map((p) => p.json)))} ms ` +
        `(total ${f(sum(srv.map((p) => p.json)))} ms), body ${(median(srv.map((p) => p.bytes)) / 1024).toFixed(0)} KB ` +
        `(wire format ${PULL_FORMAT})`,
    );
    for (const [i, run] of runs.entries()) {
      const http = run.pages.map((p) => p.http);
      const merge = run.pages.map((p) => p.page);
      console.error(
        `  ${label} run ${i + 1}, in the browser (${run.pages.length} pages): request→response median ${f(median(http))} ms ` +
          `(total ${f(sum(http))} ms); response→next request (parse + merge) median ${f(median(merge))} ms ` +
          `(total ${f(sum(merge))} ms); first pages ${run.pages
            .slice(0, 3)
            .map((p) => `${f(p.http)}+${f(p.page)}`)
            .join(', ')}; last ${run.pages
            .slice(-2)
            .map((p) => `${f(p.http)}+${f(p.page)}`)
            .join(', ')}`,
      );
    }
  }
  return (
    `pull ${CHANGES.toLocaleString('en')} changes into a fresh device in Chromium (${label}): ` +
    `${s.toFixed(1)} s (target ≤ ${TARGET_S} s, ratio ${ratio.toFixed(2)}, ${ratio <= 1 ? 'met' : 'MISSED'}; ` +
    `median of ${RUNS}, pages of ${PULL_MAX_CHANGES}, loopback; IndexedDB alone, the same records written ` +
    `again with the same indexes in transactions of ${PULL_MAX_CHANGES}, no app code: ${floor.toFixed(1)} s)`
  );
}

async function dropSchema(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reuses .bench/app-dist when this process built it (an earlier bench); builds it otherwise. */
async function ensureBuild(): Promise<void> {
  const startedAt = Date.now() - process.uptime() * 1000;
  const index = join(APP_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= startedAt) return;
  await viteBuild(['--outDir', APP_DIST, '--emptyOutDir']);
}

/** Returns the figure lines (one per database); with `details`, the per-page breakdown goes to stderr. */
export async function pullBench(details: boolean): Promise<string[]> {
  await ensureBuild();
  let closeBrowser: () => Promise<void> = async () => {};
  const setClose = (fn: () => Promise<void>) => (closeBrowser = fn);
  let server: RunningServer | null = null;
  const lines: string[] = [];
  const base = { port: 0, host: '127.0.0.1', distDir: APP_DIST, log: () => {}, ...unlimited };

  const work = async () => {
    await rm(DATA_DIR, { recursive: true, force: true });
    server = await startServer({ ...base, dataDir: DATA_DIR });
    try {
      lines.push(await measure('PGlite', server, details, setClose));
    } finally {
      await server.close();
      server = null;
      await rm(DATA_DIR, { recursive: true, force: true });
    }
    const why = await freshPostgresSchema(PG_URL, SCHEMA);
    if (why !== null) {
      lines.push(
        `pull ${CHANGES.toLocaleString('en')} changes into a fresh device in Chromium (PostgreSQL): ` +
          `skipped (no PostgreSQL at ${PG_URL}: ${why})`,
      );
      return;
    }
    try {
      server = await startServer({
        ...base,
        dataDir: `${DATA_DIR}-unused`,
        databaseUrl: PG_URL,
        databaseSchema: SCHEMA,
      });
      lines.push(await measure('PostgreSQL', server, details, setClose));
    } finally {
      await (server as RunningServer | null)?.close();
      server = null;
      await dropSchema();
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Closing the browser ends whatever waits on it; the work's finally blocks then clean up.
      void closeBrowser().finally(() =>
        reject(new Error(`pull bench: still running after ${BENCH_MS / 60_000} min`)),
      );
    }, BENCH_MS);
  });
  const running = work();
  try {
    await Promise.race([running, watchdog]);
    return lines;
  } finally {
    clearTimeout(timer);
    await closeBrowser();
    // Let the work's own cleanup (server, schema, data folder) finish, bounded.
    await Promise.race([running.catch(() => {}), new Promise((r) => setTimeout(r, 20_000))]);
    await (server as RunningServer | null)?.close();
  }
}

/**
 * The follow-up bench: the dashboard and meeting mode at ten years' scale.
 *
 * One persistent Chromium profile opens the app once (Dexie makes the
 * schema), then a dataset is written straight into IndexedDB with raw
 * transactions in the page, in the record shapes of src/domain/types.ts:
 * 10 plans (fiscal years 2561–2570) × 7 measures × 12 actions, 5,000 ticks,
 * 12 meetings per plan, 300 photos of about 200 KB (random bytes typed
 * image/jpeg, with a 10 KB thumbnail) with their evidence records. No outbox
 * entries: the screens measured do not read them.
 *
 * Figures (medians of RUNS, after one unmeasured warm-up of each screen, a
 * new page each run, the service worker in control): time from navigation
 * start until the dashboard shows its heading and first chart, until meeting
 * mode shows its heading and first agenda row (and, without a target, until
 * the plans list shows its first card, and for scale until the floor page of
 * the startup bench shows its heading), and from a tap on a status
 * button in meeting mode until the button shows pressed; "shows" means in the
 * DOM and that frame painted (MARK_AFTER_PAINT in measure.ts). Targets: 200 ms for
 * first renders, 100 ms for a tap. Also the IndexedDB size the browser
 * reports, against the bytes of the photos themselves.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { MARK_AFTER_PAINT, waitForServiceWorker } from './measure';
import { deadline, median, serveDir, viteBuild } from './util';

const APP_DIST = '.bench/app-dist'; // the startup bench builds the same folder
const FLOOR_DIST = '.bench/floor-dist'; // test/bench/floor/vite.config.ts; the startup bench builds it too
const RUNS = 5;
const RENDER_TARGET_MS = 200;
const TAP_TARGET_MS = 100;
const STEP_MS = 30_000;
const GENERATE_MS = 4 * 60_000;
const BENCH_MS = 9 * 60_000;
const MB = 1_000_000;

export const DATASET = {
  firstYear: 2561,
  plans: 10,
  measures: 7,
  /** Per measure: half methods (1.x), half steps (3.x). */
  actions: 12,
  ticks: 5000,
  meetingsPerPlan: 12,
  photos: 300,
  photoBytes: 200_000,
  thumbBytes: 10_000,
  /** Photos written per transaction, to bound memory. */
  photoBatch: 20,
  seed: 2570,
};
type Dataset = typeof DATASET;

interface Generated {
  /** The plan of the last fiscal year (2570) and its one open meeting. */
  planId: string;
  meetingId: string;
  counts: {
    plans: number;
    measures: number;
    actions: number;
    ticks: number;
    meetings: number;
    photos: number;
  };
  /** Bytes of the photos and thumbnails written. */
  photoBytes: number;
  ms: number;
}

/**
 * Runs in the page: writes the dataset with raw IndexedDB. Self-contained
 * (serialised into the page); tsx's `__name` helper is stubbed there.
 */
export async function generateInPage(d: Dataset): Promise<Generated> {
  const started = performance.now();
  let state = d.seed >>> 0;
  const rand = () => {
    // mulberry32: reproducible, fast enough for the photo bytes too.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const uuid = () => crypto.randomUUID();
  const pad = (n: number) => String(n).padStart(2, '0');
  const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const meta = (at: string) => ({ createdAt: at, updatedAt: at, deletedAt: null, stamps: {} });

  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('ita-tracker');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onupgradeneeded = () => reject(new Error('ita-tracker has no schema yet (the app did not open it)'));
  });
  const put = (stores: Record<string, object[]>) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(Object.keys(stores), 'readwrite');
      for (const [name, rows] of Object.entries(stores)) {
        const store = tx.objectStore(name);
        for (const row of rows) store.put(row);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });

  const UNITS = ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', 'กองสาธารณสุขและสิ่งแวดล้อม'];
  const TOPICS = [
    'ส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง',
    'เปิดเผยข้อมูลการใช้งบประมาณต่อสาธารณะ',
    'ป้องกันการรับสินบนและผลประโยชน์ทับซ้อน',
    'ปรับปรุงคุณภาพการให้บริการประชาชน',
    'พัฒนาช่องทางรับเรื่องร้องเรียนการทุจริต',
    'เสริมสร้างวัฒนธรรมองค์กรด้านคุณธรรม',
    'พัฒนาเว็บไซต์ตามเกณฑ์การเปิดเผยข้อมูล',
  ];
  const STATUS = ['done', 'done', 'in_progress', 'in_progress', 'not_started'] as const;
  const INSTRUMENTS = ['IIT', 'EIT', 'OIT'] as const;

  const plans: { id: string; fiscalYear: number; actions: { id: string; measureId: string }[] }[] = [];
  const meetings: { id: string; planId: string; date: string }[][] = [];
  let target = { planId: '', meetingId: '' };
  let measureCount = 0;
  let actionCount = 0;

  for (let p = 0; p < d.plans; p++) {
    const fiscalYear = d.firstYear + p;
    const ce = fiscalYear - 543;
    const start = Date.UTC(ce - 1, 9, 1);
    const end = Date.UTC(ce, 8, 30);
    const created = new Date(start - 20 * 86_400_000).toISOString();
    const planId = uuid();
    const plan = {
      id: planId,
      ...meta(created),
      agency: { name: 'องค์การบริหารส่วนตำบลทดสอบ', district: 'เมือง', province: 'ขอนแก่น' },
      assessmentYear: fiscalYear - 1,
      fiscalYear,
      overallScore: Math.round(700 + rand() * 250) / 10,
      rating: 'B',
      constraints: ['บุคลากรมีจำนวนจำกัด', 'งบประมาณไม่เพียงพอ'],
      warnings: [],
    };
    const measures: object[] = [];
    const actions: { id: string; measureId: string }[] = [];
    const actionRows: object[] = [];
    for (let m = 1; m <= d.measures; m++) {
      const measureId = uuid();
      const units = rand() < 0.5 ? [pick(UNITS)] : [pick(UNITS), pick(UNITS)];
      measures.push({
        id: measureId,
        ...meta(created),
        planId,
        number: m,
        title: TOPICS[(m - 1) % TOPICS.length],
        items: [1, 2, 3].map((k) => ({ code: `o${m * 3 + k}`, text: `ข้อมูลที่เปิดเผยรายการที่ ${m * 3 + k}` })),
        indicators: [1, 2].map((k) => ({
          number: m + k,
          name: `ตัวชี้วัดที่ ${m + k}`,
          score: Math.round(rand() * 1000) / 10,
        })),
        findings: ['weakness', 'weakness', 'strength'].map((kind, k) => ({
          kind,
          instrument: INSTRUMENTS[k],
          indicator: m + k,
          code: `${INSTRUMENTS[k]!.charAt(0).toLowerCase()}${m + k}`,
          text: `ข้อคำถามที่ ${m + k} เรื่องการปฏิบัติงานอย่างโปร่งใส`,
          score: Math.round(rand() * 1000) / 10,
          analysis: 'ผู้รับบริการยังไม่ทราบช่องทางการเข้าถึงข้อมูล',
        })),
        responsible: [...new Set(units)].join('/'),
        period: { start: isoDay(start), end: isoDay(end) },
      });
      for (let a = 0; a < d.actions; a++) {
        const half = d.actions / 2;
        const method = a < half;
        const id = uuid();
        actions.push({ id, measureId });
        actionRows.push({
          id,
          ...meta(created),
          planId,
          measureId,
          kind: method ? 'method' : 'step',
          number: method ? `1.${a + 1}` : `3.${a - half + 1}`,
          text: method
            ? `จัดทำประกาศและเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน ข้อ ${a + 1}`
            : `ติดตามและรายงานผลต่อผู้บริหารทุกไตรมาส ขั้นที่ ${a - half + 1}`,
        });
      }
    }
    const planMeetings: { id: string; planId: string; date: string }[] = [];
    const meetingRows: object[] = [];
    for (let k = 0; k < d.meetingsPerPlan; k++) {
      const month = (9 + k) % 12;
      const year = month >= 9 ? ce - 1 : ce;
      const date = `${year}-${pad(month + 1)}-25`;
      const id = uuid();
      // The last plan's second meeting (November) stays open: the tap bench records into it.
      const open = p === d.plans - 1 && k === 1;
      if (open) target = { planId, meetingId: id };
      planMeetings.push({ id, planId, date });
      meetingRows.push({
        id,
        ...meta(`${date}T02:00:00.000Z`),
        planId,
        date,
        number: `${k + 1}/${fiscalYear}`,
        title: `ประชุมพนักงานประจำเดือน ครั้งที่ ${k + 1}`,
        attendees: 12 + Math.floor(rand() * 20),
        notes: 'ที่ประชุมรับทราบความคืบหน้าของมาตรการ',
        closedAt: open ? null : `${date}T09:00:00.000Z`,
      });
    }
    await put({ plans: [plan], measures, actions: actionRows, meetings: meetingRows });
    plans.push({ id: planId, fiscalYear, actions });
    meetings.push(planMeetings);
    measureCount += measures.length;
    actionCount += actions.length;
  }

  // Ticks: spread over the plans; about 60 % reported in a meeting (dated that day).
  const tickIds: { id: string; planId: string }[] = [];
  const perPlan = Math.ceil(d.ticks / d.plans);
  for (let p = 0; p < d.plans; p++) {
    const plan = plans[p]!;
    const ce = plan.fiscalYear - 543;
    const start = Date.UTC(ce - 1, 9, 1);
    const rows: object[] = [];
    for (let i = 0; i < perPlan && tickIds.length + rows.length < d.ticks; i++) {
      const action = pick(plan.actions);
      const meeting = rand() < 0.6 ? pick(meetings[p]!) : null;
      const date = meeting ? meeting.date : isoDay(start + Math.floor(rand() * 365) * 86_400_000);
      const at = `${date}T${pad(2 + Math.floor(rand() * 8))}:${pad(Math.floor(rand() * 60))}:00.000Z`;
      const id = uuid();
      rows.push({
        id,
        ...meta(at),
        planId: plan.id,
        measureId: action.measureId,
        actionId: action.id,
        date,
        status: pick(STATUS),
        note: rand() < 0.3 ? 'ดำเนินการตามแผน' : '',
        by: 'เจ้าหน้าที่ทดสอบ',
        at,
        deviceId: 'bench-device',
        meetingId: meeting?.id ?? null,
        corrects: null,
      });
    }
    await put({ progress: rows });
    for (const r of rows as { id: string }[]) tickIds.push({ id: r.id, planId: plan.id });
  }

  // Photos: ~200 KB of random bytes each (typed image/jpeg) and a ~10 KB thumbnail.
  const bytes = (n: number) => {
    const words = new Uint32Array(Math.ceil(n / 4));
    for (let i = 0; i < words.length; i++) words[i] = (rand() * 4294967296) >>> 0;
    const out = new Uint8Array(words.buffer, 0, n);
    out.set([0xff, 0xd8, 0xff, 0xe0]);
    return out;
  };
  const hex = (buf: ArrayBuffer) =>
    [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  let photoBytes = 0;
  for (let done = 0; done < d.photos;) {
    const files: object[] = [];
    const evidence: object[] = [];
    for (let i = 0; i < d.photoBatch && done < d.photos; i++, done++) {
      const size = Math.round(d.photoBytes * (0.9 + rand() * 0.2));
      const body = bytes(size);
      const thumb = bytes(d.thumbBytes);
      const sha256 = hex(await crypto.subtle.digest('SHA-256', body));
      photoBytes += size + thumb.length;
      // Two photos in three on a tick, the rest on a meeting.
      const onTick = done % 3 !== 2;
      const tick = onTick ? pick(tickIds) : null;
      const planIndex = onTick ? plans.findIndex((p) => p.id === tick!.planId) : done % d.plans;
      const meeting = onTick ? null : pick(meetings[planIndex]!);
      const at = new Date(Date.UTC(2018 + planIndex, 0, 1) + done * 3_600_000).toISOString();
      files.push({
        sha256,
        blob: new Blob([body], { type: 'image/jpeg' }),
        thumb: new Blob([thumb], { type: 'image/jpeg' }),
        type: 'image/jpeg',
        size,
        createdAt: at,
      });
      evidence.push({
        id: uuid(),
        ...meta(at),
        planId: plans[planIndex]!.id,
        targetTable: onTick ? 'progress' : 'meetings',
        targetId: onTick ? tick!.id : meeting!.id,
        kind: 'photo',
        name: `IMG_${String(done + 1).padStart(4, '0')}.jpg`,
        url: null,
        mimeType: 'image/jpeg',
        size,
        sha256,
        width: 1600,
        height: 1200,
      });
    }
    await put({ files, evidence });
  }
  db.close();
  return {
    ...target,
    counts: {
      plans: plans.length,
      measures: measureCount,
      actions: actionCount,
      ticks: tickIds.length,
      meetings: meetings.flat().length,
      photos: d.photos,
    },
    photoBytes,
    ms: performance.now() - started,
  };
}

/** The screen's first render: a JS condition checked on every DOM change from the first byte. */
interface Screen {
  name: string;
  path: string;
  ready: string;
  /** Another site than the app's (the floor page). */
  origin?: string;
}

/**
 * Records performance.now() when the page first shows "loading" (in the DOM), and
 * when `ready` first holds and that frame has been painted (MARK_AFTER_PAINT).
 */
function renderWatcher(ready: string): string {
  return `{
    const ready = () => { ${ready} };
    const observer = new MutationObserver(() => {
      if (window.__loadingAt === undefined && document.querySelector('main p.loading')) {
        window.__loadingAt = performance.now();
      }
      if (ready()) {
        observer.disconnect();
        ${MARK_AFTER_PAINT}
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }`;
}

interface Run {
  ms: number;
  /** When "loading" showed (the page's code ran), and when the HTML arrived. */
  loadingAt: number | null;
  responseEnd: number;
}

async function firstRender(context: BrowserContext, origin: string, screen: Screen): Promise<Run> {
  const page = await context.newPage();
  try {
    await page.addInitScript(renderWatcher(screen.ready));
    await page.goto(new URL(screen.path, origin).href, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => (window as unknown as { __firstRender?: number }).__firstRender,
      undefined,
      { timeout: STEP_MS },
    );
    const ms = (await handle.jsonValue()) as number;
    const extra = await page.evaluate(() => ({
      loadingAt: (window as unknown as { __loadingAt?: number }).__loadingAt ?? null,
      responseEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
    }));
    return { ms, ...extra };
  } catch (err) {
    const text = await page
      .locator('main')
      .innerText({ timeout: 1000 })
      .catch(() => '(no main)');
    throw new Error(
      `${screen.path}: ${err instanceof Error ? err.message : String(err)}; main shows: ${text.slice(0, 200)}`,
      { cause: err },
    );
  } finally {
    await page.close();
  }
}

/**
 * In meeting mode: taps a not-pressed status button on agenda row `row` and
 * times until it shows aria-pressed="true" (the tick written, the live
 * query re-run and the list re-rendered).
 */
async function tap(page: Page, row: number, timeoutMs: number): Promise<number> {
  return page.evaluate(
    ({ row, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const rows = document.querySelectorAll('li.agenda-row');
        const li = rows[row % rows.length];
        const button = [...(li?.querySelectorAll<HTMLButtonElement>('.status-buttons button') ?? [])].find(
          (b) => b.getAttribute('aria-pressed') !== 'true' && !b.disabled,
        );
        if (!button) return reject(new Error(`agenda row ${row}: no status button to tap`));
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`agenda row ${row}: not pressed after ${timeoutMs} ms`));
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          if (button.getAttribute('aria-pressed') === 'true') {
            clearTimeout(timer);
            observer.disconnect();
            // Until the frame that shows it pressed has been painted (as MARK_AFTER_PAINT).
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }
        });
        observer.observe(document.querySelector('main') ?? document, {
          attributes: true,
          childList: true,
          subtree: true,
        });
        const t0 = performance.now();
        button.click();
      }),
    { row, timeoutMs },
  );
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await dirBytes(path) : (await stat(path)).size;
  }
  return total;
}

/**
 * Opens the app in `context` until Dexie has made its schema and the service
 * worker is in control (a returning user); returns that page, ready for
 * generateInPage.
 */
export async function openAsReturningUser(context: BrowserContext, url: string): Promise<Page> {
  // tsx keeps function names with a `__name` helper that the page lacks.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const home = context.pages()[0] ?? (await context.newPage());
  await home.goto(url, { waitUntil: 'load' });
  await home.locator('main h1', { hasText: 'แผนมาตรการของหน่วยงาน' }).waitFor();
  await home.waitForFunction(async () =>
    (await indexedDB.databases()).some((db) => db.name === 'ita-tracker'),
  );
  await home.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return home;
}

/** Reuses the app and floor builds when this process made them (the startup bench runs first); builds them otherwise. */
async function ensureBuild(): Promise<void> {
  const startedAt = Date.now() - process.uptime() * 1000;
  const fresh = (dir: string) => {
    const index = join(dir, 'index.html');
    return existsSync(index) && statSync(index).mtimeMs >= startedAt;
  };
  if (!fresh(APP_DIST)) await viteBuild(['--outDir', APP_DIST, '--emptyOutDir']);
  if (!fresh(FLOOR_DIST)) await viteBuild(['--config', 'test/bench/floor/vite.config.ts']);
}

/** Opens `url` until its service worker controls the page, as for a returning user. */
async function installWorker(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await waitForServiceWorker(page);
  } finally {
    await page.close();
  }
}

function targetLine(name: string, value: number, target: number): string {
  const ratio = value / target;
  return (
    `${name}: ${value.toFixed(0)} ms (target ≤ ${target} ms, ratio ${ratio.toFixed(2)}, ` +
    `${ratio <= 1 ? 'met' : 'MISSED'})`
  );
}

/** Returns the figure lines; with `details`, writes per-run times and the dataset to stderr. */
export async function followUpBench(details: boolean): Promise<string[]> {
  await ensureBuild();
  // BENCH_APP_DIST=<a built copy of the app>: measured instead of this source's build.
  const server = await serveDir(process.env.BENCH_APP_DIST ?? APP_DIST);
  const floor = await serveDir(FLOOR_DIST);
  // BENCH_VS_DIST=<a built copy of the app>: its dashboard and meeting mode are measured too,
  // in turn with this build's, on their own copy of the dataset (an A/B of two builds).
  const vsDist = process.env.BENCH_VS_DIST;
  const vs = vsDist ? await serveDir(vsDist) : null;
  const profile = await mkdtemp(join(tmpdir(), 'ita-bench-followup-'));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
  };
  try {
    return await deadline(
      (async () => {
        context = await chromium.launchPersistentContext(profile, {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
          timeout: STEP_MS,
        });
        context.setDefaultTimeout(STEP_MS);
        const home = await openAsReturningUser(context, server.url);

        const gen = await deadline(
          home.evaluate(generateInPage, DATASET),
          GENERATE_MS,
          'generating the dataset',
          close,
        );
        const { counts } = gen;
        await home.goto('about:blank');
        await installWorker(context, floor.url);
        let vsGen: Generated | null = null;
        if (vs) {
          const vsHome = await openAsReturningUser(context, vs.url);
          vsGen = await deadline(
            vsHome.evaluate(generateInPage, DATASET),
            GENERATE_MS,
            'generating the dataset',
            close,
          );
          await vsHome.goto('about:blank');
        }

        const screens: Screen[] = [
          {
            name: 'dashboard',
            path: `/plans/${gen.planId}/dashboard`,
            ready: `const h1 = document.querySelector('main h1');
              return Boolean(h1 && h1.textContent.includes('ภาพรวมความคืบหน้า') &&
                document.querySelector('main svg[role="img"]'));`,
          },
          {
            name: 'meeting mode',
            path: `/meetings/${gen.meetingId}`,
            ready: `const h1 = document.querySelector('main h1');
              return Boolean(h1 && h1.textContent.trim().startsWith('ประชุมครั้งที่') &&
                document.querySelector('main li.agenda-row'));`,
          },
          {
            // The first screen after ten years: every plan listed (no target; its progress bars follow).
            name: 'plans list',
            path: '/',
            ready: `const h1 = document.querySelector('main h1');
              return Boolean(h1 && h1.textContent.includes('แผนมาตรการของหน่วยงาน') &&
                document.querySelector('main li.card'));`,
          },
          {
            // What the same measure gives for the least such a PWA can be: its list from Dexie, no data to speak of.
            name: 'floor page',
            origin: floor.url,
            path: '/',
            ready: `const h1 = document.querySelector('main h1');
              return Boolean(h1 && h1.textContent.includes('รายการ'));`,
          },
        ];
        if (vs && vsGen) {
          const [dashboard, meeting] = screens;
          screens.push(
            {
              ...dashboard!,
              name: `dashboard (${vsDist})`,
              origin: vs.url,
              path: `/plans/${vsGen.planId}/dashboard`,
            },
            {
              ...meeting!,
              name: `meeting mode (${vsDist})`,
              origin: vs.url,
              path: `/meetings/${vsGen.meetingId}`,
            },
          );
        }
        // One unmeasured warm-up of each, then alternate so a slow moment hits both alike.
        const runs = new Map<string, Run[]>(screens.map((s) => [s.name, []]));
        for (let i = 0; i <= RUNS; i++) {
          for (const screen of screens) {
            const run = await firstRender(context, screen.origin ?? server.url, screen);
            if (i > 0) runs.get(screen.name)!.push(run);
          }
        }

        const meetingPage = await context.newPage();
        await meetingPage.goto(new URL(screens[1]!.path, server.url).href);
        await meetingPage.locator('main li.agenda-row').first().waitFor();
        const taps: number[] = [];
        await tap(meetingPage, 0, STEP_MS); // warm-up
        for (let i = 1; i <= RUNS; i++) {
          taps.push(await tap(meetingPage, i, STEP_MS));
          await meetingPage.waitForTimeout(100); // let the busy state clear
        }
        const rowsShown = await meetingPage.locator('main li.agenda-row').count();
        // What the screens keep for their next start (src/hooks/viewSnapshot.ts, rememberedTextStore.ts).
        const kept = await meetingPage.evaluate(() =>
          Object.keys(localStorage).map((k) => `${k.slice(0, 30)} ${localStorage.getItem(k)?.length ?? 0}`),
        );
        const estimate = await meetingPage.evaluate(async () => {
          const e = (await navigator.storage.estimate()) as StorageEstimate & {
            usageDetails?: { indexedDB?: number };
          };
          return { usage: e.usage ?? 0, indexedDB: e.usageDetails?.indexedDB ?? null };
        });
        await meetingPage.close();
        const idbBytes = estimate.indexedDB ?? estimate.usage;

        if (details) {
          const list = (xs: number[]) => xs.map((n) => n.toFixed(0)).join(', ');
          const onDisk = await dirBytes(join(profile, 'Default', 'IndexedDB'));
          console.error(`  dataset: ${JSON.stringify(counts)}, written in ${(gen.ms / 1000).toFixed(1)} s`);
          for (const [name, list_] of runs) {
            console.error(
              `  ${name} first render (ms): ${list(list_.map((r) => r.ms))}; ` +
                `HTML at ${list(list_.map((r) => r.responseEnd))}; ` +
                `"loading" shown at ${list(list_.map((r) => r.loadingAt ?? NaN))}`,
            );
          }
          console.error(`  meeting mode: ${rowsShown} agenda rows shown; taps (ms): ${list(taps)}`);
          console.error(`  localStorage (key, characters): ${kept.join('; ')}`);
          console.error(
            `  storage estimate: usage ${(estimate.usage / MB).toFixed(1)} MB, indexedDB ` +
              `${estimate.indexedDB === null ? 'n/a' : (estimate.indexedDB / MB).toFixed(1) + ' MB'}; ` +
              `profile IndexedDB folder ${(onDisk / MB).toFixed(1)} MB`,
          );
        }

        const scale = '10-year scale';
        const versus = [...runs]
          .filter(([name]) => name.includes('(') && vsDist)
          .map(
            ([name, list_]) =>
              `${name} first render (median of ${RUNS}): ${median(list_.map((r) => r.ms)).toFixed(0)} ms`,
          );
        return [
          ...versus,
          targetLine(
            `dashboard first render at ${scale} (median of ${RUNS})`,
            median(runs.get('dashboard')!.map((r) => r.ms)),
            RENDER_TARGET_MS,
          ),
          targetLine(
            `meeting mode first render at ${scale} (median of ${RUNS})`,
            median(runs.get('meeting mode')!.map((r) => r.ms)),
            RENDER_TARGET_MS,
          ),
          `plans list (first screen) first render at ${scale} (median of ${RUNS}): ` +
            `${median(runs.get('plans list')!.map((r) => r.ms)).toFixed(0)} ms [no target: the ten plans, their progress bars a moment later]`,
          `floor page first render, same measure (median of ${RUNS}): ` +
            `${median(runs.get('floor page')!.map((r) => r.ms)).toFixed(0)} ms ` +
            `[preact+dexie+workbox-window+preact-iso+valibot, a list of no rows; no target: the least the screens above can take]`,
          targetLine(
            `meeting mode tap to pressed at ${scale} (median of ${RUNS})`,
            median(taps),
            TAP_TARGET_MS,
          ),
          `IndexedDB size at ${scale}: ${(idbBytes / MB).toFixed(1)} MB ` +
            `(baseline ${(gen.photoBytes / MB).toFixed(1)} MB of photo and thumbnail bytes, ` +
            `ratio ${(idbBytes / gen.photoBytes).toFixed(2)}; ${counts.plans} plans, ${counts.actions} actions, ` +
            `${counts.ticks} ticks, ${counts.meetings} meetings, ${counts.photos} photos)`,
        ];
      })(),
      BENCH_MS,
      'follow-up bench',
      close,
    );
  } finally {
    await close();
    await Promise.all([server.close(), floor.close(), vs?.close()]);
    await rm(profile, { recursive: true, force: true });
  }
}

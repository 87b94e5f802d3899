/**
 * The import bench page (test/bench/importBench.ts drives it in Chromium).
 *
 * `window.runImportBench(n, options)` makes a realistic export file of about
 * `n` records through the app's own writes (commands and the writer, on a
 * scratch database with a simulated clock, so every record carries stamps,
 * change-log entries and bookkeeping as on a phone) and `buildExport`, as
 * JSON text. Then, alternating and in fresh databases each run, it times:
 *   - the app's import path: `checkExportText(text)` + `applyImport` into an
 *     empty ItaDatabase (what src/hooks/exportFile.ts does, less the preview);
 *   - the floor: Dexie `bulkPut` of the same flattened rows, per table, in one
 *     rw transaction, into another empty ItaDatabase;
 *   - a second import of the same file into the imported database, which must
 *     write nothing (outbox count unchanged, no rows written at all).
 * With `profile`, it also times the import's parts once, for the report.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { defaultDeps, makeCommands } from '../../../src/db/commands';
import { buildExport } from '../../../src/db/exportData';
import { makeFollowUpCommands } from '../../../src/db/followUpCommands';
import { applyImport, flattenExport, previewImport } from '../../../src/db/importExport';
import { ItaDatabase } from '../../../src/db/schema';
import { write, type WriteDeps } from '../../../src/db/writer';
import type { ChangeOp } from '../../../src/domain/changeLog';
import {
  checkExportDocument,
  checkExportText,
  type ValidExportDocument,
} from '../../../src/domain/exportSchema';
import { mergeRecord, type Stamped } from '../../../src/domain/mergeRecord';
import type { EvidenceFields, ProgressFields, TickStatus } from '../../../src/domain/types';

export interface BenchOptions {
  runs: number;
  profile: boolean;
}

export interface RunTimes {
  importMs: number;
  /** Of importMs: checkExportText (JSON.parse + valibot). */
  checkMs: number;
  rawMs: number;
  reimportMs: number;
  /** Rows the re-import put, added or deleted in any table (meta and outbox included). */
  reimportWritten: number;
  outboxAfterImport: number;
}

export interface BenchResult {
  counts: Record<string, number>;
  records: number;
  fileBytes: number;
  generateMs: number;
  runs: RunTimes[];
  profile: Record<string, number | string> | null;
}

// ------------------------------------------------------------------ helpers

const DAY = 86_400_000;
const TABLES = [
  'plans',
  'measures',
  'actions',
  'progress',
  'meetings',
  'quarterlyRecords',
  'evidence',
] as const;

let seed = 2567;
/** mulberry32: the same file every run. */
function rand(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hex64 = () => Array.from({ length: 64 }, () => Math.floor(rand() * 16).toString(16)).join('');

interface Trace {
  op: string;
  table: string;
  n: number;
  start: number;
  end: number;
}

/** Counts every row written (and, when `trace` is set, times every call) below Dexie's API. */
function counting(state: { written: number; trace: Trace[] | null }): Middleware<DBCore> {
  const rows = (req: DBCoreMutateRequest) =>
    req.type === 'add' || req.type === 'put'
      ? req.values.length
      : req.type === 'delete'
        ? req.keys.length
        : 1;
  return {
    stack: 'dbcore',
    name: 'benchCounting',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        /** Times from before the call: Dexie issues (and structured-clones) every request synchronously in it. */
        const timed = <R>(op: string, n: number, call: () => Promise<R>): Promise<R> => {
          const trace = state.trace;
          if (!trace) return call();
          const start = performance.now();
          return call().then((r) => {
            trace.push({ op, table: name, n, start, end: performance.now() });
            return r;
          });
        };
        return {
          ...t,
          mutate: (req) => {
            state.written += rows(req);
            return timed(req.type, rows(req), () => t.mutate(req));
          },
          getMany: (req) => timed('getMany', req.keys.length, () => t.getMany(req)),
          get: (req) => timed('get', 1, () => t.get(req)),
        };
      },
    }),
  };
}

async function fresh(name: string, state = { written: 0, trace: null as Trace[] | null }) {
  await Dexie.delete(name);
  const db = new ItaDatabase(name);
  db.use(counting(state));
  await db.open();
  return { db, state };
}

async function drop(db: ItaDatabase): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

// ------------------------------------------------------------------ the file

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
const STATUS: TickStatus[] = ['done', 'done', 'in_progress', 'in_progress', 'not_started'];
const NOTES = ['', '', 'ดำเนินการตามแผน', 'รอเอกสารจากกองคลัง', 'เผยแพร่บนเว็บไซต์แล้ว'];
const PLANS = [2567, 2568];
const MEASURES = 7;
const ACTIONS = 12;
const MEETINGS_PER_PLAN = 48; // weekly follow-up meetings
const QUARTER_ENDS = ['12-31', '03-31', '06-30', '09-30'];

/**
 * Writes a realistic two-year dataset on a scratch database through the
 * app's commands and writer, and exports it. Ticks are written a day at a
 * time (one write per day, each tick its own change-log entry), as a
 * device would have recorded them.
 */
async function makeFile(n: number): Promise<{ text: string; generateMs: number }> {
  const started = performance.now();
  seed = 2567;
  const { db } = await fresh('bench-source');
  let clock = 0;
  const deps: WriteDeps = { now: () => new Date(clock), newId: () => uuidv7() };
  const commands = makeCommands(db, deps);
  const followUp = makeFollowUpCommands(db, deps);

  const fixed = PLANS.length * (1 + MEASURES + MEASURES * ACTIONS + MEETINGS_PER_PLAN + MEASURES * 4);
  // Evidence: a photo per meeting, a link per quarterly record, photos on 1 tick in ~28.
  const evidenceFixed = PLANS.length * (MEETINGS_PER_PLAN + MEASURES * 4);
  const rest = Math.max(0, n - fixed - evidenceFixed);
  const ticksTotal = Math.round(rest / (1 + 1 / 28));
  const photoEvery = 28;
  const ticksPerPlan = ticksTotal / PLANS.length;
  let ticksWritten = 0;

  clock = Date.UTC(2023, 8, 10, 2);
  await commands.saveDeviceSettings({ deviceName: 'แท็บเล็ตสำนักปลัด', staffName: 'สมศรี ใจดี', digits: 'arabic' });

  for (const [p, fiscalYear] of PLANS.entries()) {
    const ce = fiscalYear - 543;
    const start = Date.UTC(ce - 1, 9, 1);
    const period = { start: isoDay(start), end: `${ce}-09-30` };
    clock = start - 10 * DAY + 2 * 3_600_000;
    const planId = await commands.createPlan({
      agency: { name: 'องค์การบริหารส่วนตำบลทดสอบ', district: 'เมือง', province: 'ขอนแก่น' },
      assessmentYear: fiscalYear - 1,
      fiscalYear,
      overallScore: Math.round(700 + rand() * 250) / 10,
      rating: 'ผ่านดี',
      constraints: ['บุคลากรมีจำนวนจำกัด', 'งบประมาณไม่เพียงพอ'],
    });
    const actions: { id: string; measureId: string }[] = [];
    const measureIds: string[] = [];
    for (let m = 1; m <= MEASURES; m++) {
      clock += 60_000;
      const units = [...new Set([pick(UNITS), pick(UNITS)])];
      const measureId = await commands.createMeasure(planId, {
        number: m,
        title: TOPICS[(m - 1) % TOPICS.length]!,
        responsible: units.join('/'),
        period,
      });
      measureIds.push(measureId);
      // The imported document's detail, as the parser fills it.
      await write(db, deps, ['measures'], (w) =>
        w.patch('measures', measureId, {
          responsibleUnits: units,
          items: [1, 2, 3].map((k) => ({ code: `o${m * 3 + k}`, text: `ข้อมูลที่เปิดเผยรายการที่ ${m * 3 + k}` })),
          indicators: [1, 2].map((k) => ({
            number: m + k,
            name: `ตัวชี้วัดที่ ${m + k}`,
            score: Math.round(rand() * 1000) / 10,
          })),
          findings: (['weakness', 'weakness', 'strength'] as const).map((kind, k) => ({
            kind,
            instrument: (['IIT', 'EIT', 'OIT'] as const)[k]!,
            indicator: m + k,
            code: `${'ieo'[k]}${m + k}`,
            text: `ข้อคำถามที่ ${m + k} เรื่องการปฏิบัติงานอย่างโปร่งใส`,
            score: Math.round(rand() * 1000) / 10,
            analysis: 'ผู้รับบริการยังไม่ทราบช่องทางการเข้าถึงข้อมูล',
          })),
        }),
      );
      for (let a = 0; a < ACTIONS; a++) {
        const method = a < ACTIONS / 2;
        const id = await commands.createAction(measureId, {
          kind: method ? 'method' : 'step',
          number: method ? `1.${a + 1}` : `3.${a - ACTIONS / 2 + 1}`,
          text: method
            ? `จัดทำประกาศและเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน ข้อ ${a + 1}`
            : `ติดตามและรายงานผลต่อผู้บริหารทุกไตรมาส ขั้นที่ ${a - ACTIONS / 2 + 1}`,
        });
        actions.push({ id, measureId });
      }
    }
    // A later correction of the plan, as people make them.
    clock += DAY;
    await commands.updatePlan(planId, {
      agency: { name: 'องค์การบริหารส่วนตำบลทดสอบ', district: 'เมือง', province: 'ขอนแก่น' },
      assessmentYear: fiscalYear - 1,
      fiscalYear,
      overallScore: 88.5,
      rating: 'ผ่านดีเยี่ยม',
      constraints: ['บุคลากรมีจำนวนจำกัด'],
    });

    const meetingDays = new Map<string, number>();
    for (let k = 0; k < MEETINGS_PER_PLAN; k++) meetingDays.set(isoDay(start + (5 + 7 * k) * DAY), k);
    const days = Math.round((Date.parse(`${period.end}T00:00:00Z`) - start) / DAY) + 1;
    const dayWeights = days + 2 * meetingDays.size;
    const planTicks = Math.round(ticksPerPlan * (p + 1)) - Math.round(ticksPerPlan * p);
    let quota = 0;
    let planWritten = 0;
    for (let d = 0; d < days; d++) {
      const dayMs = start + d * DAY;
      const date = isoDay(dayMs);
      clock = dayMs + 2 * 3_600_000 + Math.floor(rand() * 3_600_000);
      const k = meetingDays.get(date);
      let meetingId: string | null = null;
      if (k !== undefined) {
        meetingId = await followUp.createMeeting(planId, {
          date,
          number: `${k + 1}/${fiscalYear}`,
          title: `ประชุมติดตามมาตรการ ครั้งที่ ${k + 1}`,
          attendees: 8 + Math.floor(rand() * 15),
          notes: 'ที่ประชุมรับทราบความคืบหน้าของมาตรการ',
        });
      }
      // The day's share of the plan's ticks; a meeting day carries three times as many.
      quota += (planTicks * (meetingId ? 3 : 1)) / dayWeights;
      const count = Math.round(quota) - planWritten;
      planWritten += Math.max(0, count);
      if (count > 0) {
        clock += 3_600_000;
        await write(db, deps, ['progress', 'evidence'], async (w) => {
          for (let i = 0; i < count; i++) {
            const action = pick(actions);
            const inMeeting = meetingId !== null && rand() < 0.8;
            const fields: ProgressFields = {
              planId,
              measureId: action.measureId,
              actionId: action.id,
              date,
              status: pick(STATUS),
              note: pick(NOTES),
              by: w.device.staffName,
              at: w.now.toISOString(),
              deviceId: w.device.deviceId,
              ...(inMeeting ? { meetingId, corrects: null } : {}),
            };
            const tick = await w.insert('progress', fields);
            ticksWritten++;
            if (rand() < 0.02)
              await w.remove('progress', tick.id); // undone
            else if (ticksWritten % photoEvery === 0) {
              const photo: EvidenceFields = {
                planId,
                targetTable: 'progress',
                targetId: tick.id,
                kind: 'photo',
                name: `IMG_${String(ticksWritten).padStart(5, '0')}.jpg`,
                url: null,
                mimeType: 'image/jpeg',
                size: 150_000 + Math.floor(rand() * 100_000),
                sha256: hex64(),
                width: 1600,
                height: 1200,
              };
              await w.insert('evidence', photo);
            }
          }
        });
      }
      if (meetingId) {
        clock += 3_600_000;
        await write(db, deps, ['meetings', 'evidence'], (w) =>
          w.insert('evidence', {
            planId,
            targetTable: 'meetings',
            targetId: meetingId,
            kind: 'photo',
            name: `ประชุม-${date}.jpg`,
            url: null,
            mimeType: 'image/jpeg',
            size: 180_000,
            sha256: hex64(),
            width: 1600,
            height: 1200,
          } satisfies EvidenceFields),
        );
        await followUp.closeMeeting(meetingId);
      }
      const quarter = QUARTER_ENDS.indexOf(date.slice(5));
      if (quarter >= 0) {
        for (const measureId of measureIds) {
          clock += 60_000;
          const input = {
            results: 'ดำเนินการตามแผนครบถ้วน เผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน',
            budgetSpent: Math.round(rand() * 50_000),
            problems: rand() < 0.5 ? '' : 'บุคลากรไม่เพียงพอ',
            suggestions: '',
            progress: 25 * (quarter + 1),
            status: 'draft' as const,
          };
          const id = await followUp.saveQuarterlyRecord(
            measureId,
            fiscalYear,
            (quarter + 1) as 1 | 2 | 3 | 4,
            input,
          );
          clock += 60_000;
          await followUp.saveQuarterlyRecord(measureId, fiscalYear, (quarter + 1) as 1 | 2 | 3 | 4, {
            ...input,
            status: 'final',
          });
          await followUp.attachLink(
            planId,
            { table: 'quarterlyRecords', id },
            {
              url: `https://www.example.go.th/ita/${fiscalYear}/q${quarter + 1}`,
              name: 'ประกาศผลการดำเนินงาน',
            },
          );
        }
      }
    }
  }
  const device = (await db.meta.get('device'))?.value as { deviceId: string; deviceName: string };
  const doc = await buildExport(
    db,
    { kind: 'all' },
    {
      exportId: crypto.randomUUID(),
      exportedAt: new Date(clock).toISOString(),
      includeChanges: false,
      device: { id: device.deviceId, name: device.deviceName },
    },
  );
  await drop(db);
  return { text: JSON.stringify(doc), generateMs: performance.now() - started };
}

// ------------------------------------------------------------------ the runs

function checked(text: string): ValidExportDocument {
  const r = checkExportText(text);
  if (!r.ok) throw new Error(`the bench file does not pass checkExportText: ${r.message} (${r.path ?? ''})`);
  return r.document;
}

/** The rows as the floor writes them: the file's records, flat, as the import stores them. */
function rawRows(text: string): Record<string, Stamped[]> {
  return flattenExport(checked(text));
}

async function rawPut(db: ItaDatabase, rows: Record<string, Stamped[]>, extra?: ChangeOp[]): Promise<number> {
  const t0 = performance.now();
  await db.transaction('rw', [...TABLES.map((t) => db.table(t)), db.outbox], async () => {
    for (const t of TABLES) await db.table(t).bulkPut(rows[t]!);
    if (extra) await db.outbox.bulkAdd(extra);
  });
  return performance.now() - t0;
}

async function importFile(db: ItaDatabase, text: string): Promise<{ ms: number; checkMs: number }> {
  const t0 = performance.now();
  const doc = checked(text);
  const checkMs = performance.now() - t0;
  await applyImport(db, defaultDeps, doc);
  return { ms: performance.now() - t0, checkMs };
}

async function oneRun(i: number, text: string): Promise<RunTimes> {
  const doImport = async () => {
    const { db, state } = await fresh(`bench-import-${i}`);
    try {
      const first = await importFile(db, text);
      const outboxAfterImport = await db.outbox.count();
      state.written = 0;
      const again = await importFile(db, text);
      const written = state.written;
      const outboxAfter = await db.outbox.count();
      if (outboxAfter !== outboxAfterImport || written !== 0) {
        throw new Error(
          `re-importing the same file wrote ${written} rows (outbox ${outboxAfterImport} → ${outboxAfter})`,
        );
      }
      return {
        importMs: first.ms,
        checkMs: first.checkMs,
        reimportMs: again.ms,
        reimportWritten: written,
        outboxAfterImport,
      };
    } finally {
      await drop(db);
    }
  };
  const doRaw = async () => {
    const rows = rawRows(text);
    const { db } = await fresh(`bench-raw-${i}`);
    try {
      return await rawPut(db, rows);
    } finally {
      await drop(db);
    }
  };
  // Alternate the order so a slow moment of the machine hits both alike.
  if (i % 2 === 0) {
    const imp = await doImport();
    return { ...imp, rawMs: await doRaw() };
  }
  const rawMs = await doRaw();
  return { ...(await doImport()), rawMs };
}

/** Where an import's time goes: its parts timed once each, and the calls under Dexie traced. */
async function profile(text: string): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const time = async <T>(key: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    out[key] = Math.round(performance.now() - t0);
    return r;
  };
  const value = await time('JSON.parse', () => JSON.parse(text) as unknown);
  const check = await time('valibot checkExportDocument', () => checkExportDocument(value));
  if (!check.ok) throw new Error(check.message);
  const flat = await time('flattenExport', () => flattenExport(check.document));
  await time('mergeRecord of every row (no local copy)', () => {
    for (const t of TABLES) for (const row of flat[t]) mergeRecord(undefined, { deletedAt: null, ...row });
  });

  // applyImport into an empty database, every call under Dexie traced.
  const trace: Trace[] = [];
  const { db } = await fresh('bench-profile', { written: 0, trace });
  let outbox: ChangeOp[];
  try {
    await time('previewImport (empty db)', () => previewImport(db, check.document));
    await time('primaryKeys of each table (empty db)', () =>
      db.transaction(
        'r',
        TABLES.map((t) => db.table(t)),
        async () => {
          for (const t of TABLES) await db.table(t).toCollection().primaryKeys();
        },
      ),
    );
    trace.length = 0;
    const t0 = performance.now();
    await applyImport(db, defaultDeps, check.document);
    const t1 = performance.now();
    out['applyImport (empty db)'] = Math.round(t1 - t0);
    const span = (pred: (e: Trace) => boolean) => {
      const hits = trace.filter(pred);
      if (hits.length === 0) return 0;
      return Math.round(Math.max(...hits.map((e) => e.end)) - Math.min(...hits.map((e) => e.start)));
    };
    const sum = (pred: (e: Trace) => boolean) =>
      Math.round(trace.filter(pred).reduce((s, e) => s + e.end - e.start, 0));
    const firstGet = Math.min(...trace.filter((e) => e.op === 'getMany').map((e) => e.start));
    const lastGet = Math.max(...trace.filter((e) => e.op === 'getMany').map((e) => e.end));
    const isWrite = (e: Trace) => (e.op === 'put' || e.op === 'add') && e.table !== 'meta';
    const firstPut = Math.min(...trace.filter(isWrite).map((e) => e.start));
    const lastOp = Math.max(...trace.map((e) => e.end));
    out['  start → first bulkGet'] = Math.round(firstGet - t0);
    out['  bulkGet of 7 tables (span)'] = Math.round(lastGet - firstGet);
    out['  merge + change-log ops built (last bulkGet → first write)'] = Math.round(firstPut - lastGet);
    out['  outbox bulkAdd (sum)'] = sum((e) => e.table === 'outbox' && e.op === 'add');
    out['  record bulkPut (sum)'] = sum((e) => e.op === 'put' && e.table !== 'meta');
    out['  first write → last write (span, incl. JS between tables)'] = span(isWrite);
    out['  single gets (sum)'] = sum((e) => e.op === 'get');
    trace.forEach((e, k) => {
      out[`  trace ${String(k).padStart(2, '0')}`] =
        `${e.op} ${e.table} ×${e.n}: ${Math.round(e.start - t0)} → ${Math.round(e.end - t0)} ms`;
    });
    out['  last call → commit'] = Math.round(t1 - lastOp);
    out['  calls traced'] = `${trace.length} (${trace.filter((e) => e.op === 'get').length} single gets)`;
    outbox = await db.outbox.toArray();
    // A re-import's merge, with every local copy already in memory: the pure compute of the merge.
    const local = new Map<string, Stamped>();
    for (const t of TABLES) for (const r of (await db.table(t).toArray()) as Stamped[]) local.set(r.id, r);
    await time('mergeRecord of every row against its local copy', () => {
      for (const t of TABLES)
        for (const row of flat[t]) mergeRecord(local.get(row.id), { deletedAt: null, ...row });
    });
    // What finding the existing ids costs, against bulkGet of every id.
    await time('bulkGet of every id (full db)', () =>
      db.transaction(
        'r',
        TABLES.map((t) => db.table(t)),
        async () => {
          for (const t of TABLES) await db.table(t).bulkGet(flat[t].map((r) => r.id));
        },
      ),
    );
    await time('primaryKeys of each table (full db)', () =>
      db.transaction(
        'r',
        TABLES.map((t) => db.table(t)),
        async () => {
          for (const t of TABLES) await db.table(t).toCollection().primaryKeys();
        },
      ),
    );
    out['outbox entries written'] = outbox.length;
    out['outbox JSON bytes'] = JSON.stringify(outbox).length;
    trace.length = 0;
    await time('previewImport (after import)', () => previewImport(db, check.document));
  } finally {
    await drop(db);
  }
  // The floor of what the import writes: the same rows plus its change-log entries, raw.
  {
    const { db: floor } = await fresh('bench-profile-raw');
    try {
      out['raw bulkPut of rows + the import’s outbox entries'] = Math.round(
        await rawPut(floor, flat, outbox),
      );
    } finally {
      await drop(floor);
    }
  }
  return out;
}

async function runImportBench(
  n: number,
  options: BenchOptions = { runs: 5, profile: false },
): Promise<BenchResult> {
  const status = document.getElementById('status');
  const say = (s: string) => {
    if (status) status.textContent = s;
  };
  say('generating');
  const { text, generateMs } = await makeFile(n);
  const flat = rawRows(text);
  const counts = Object.fromEntries(TABLES.map((t) => [t, flat[t]!.length]));
  const runs: RunTimes[] = [];
  for (let i = 0; i < options.runs; i++) {
    say(`run ${i + 1}`);
    runs.push(await oneRun(i, text));
  }
  say('profiling');
  const prof = options.profile ? await profile(text) : null;
  say('done');
  return {
    counts,
    records: Object.values(counts).reduce((a, b) => a + b, 0),
    fileBytes: new TextEncoder().encode(text).length,
    generateMs,
    runs,
    profile: prof,
  };
}

(window as unknown as { runImportBench: typeof runImportBench }).runImportBench = runImportBench;

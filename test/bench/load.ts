/**
 * The quarter-end load bench (`BENCH_ONLY=load`): an office's devices all
 * syncing at once. Each device, in a loop for PHASE_MS: pushes a batch of
 * OPS_PER_PUSH edits (new quarterly records and edits of its earlier ones),
 * then pulls one page of what changed since its cursor. At 20 and at 100
 * devices, on PGlite (its folder on disk, in .bench/) and on PostgreSQL (when
 * one answers at TEST_DATABASE_URL, in a schema of its own). Prints push
 * latency (p50, p99, max), requests per second and errors; no target: the
 * figures say up to how many devices PGlite serves an office well (README).
 *
 * The devices run on a worker thread (other machines, in use), but share this
 * machine's cores with the server: the figures are a lower bound on a server
 * with the cores to itself.
 */
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ChangeOp } from '../../src/domain/changeLog';
import { encodeHlc } from '../../src/domain/hlc';
import type { PushResponse } from '../../src/domain/syncProtocol';
import { startServer, type RunningServer } from '../../src/server/main';
import { DATA_TABLES } from '../../src/server/migrations';
import { createAgencyAndDevices, type BenchDevice } from './uploadClients';
import { freshPostgresSchema, runOnWorker } from './util';

const PHASE_MS = Number(process.env.LOAD_PHASE_MS ?? 8_000);
const OPS_PER_PUSH = 20;
const DEVICE_COUNTS = [20, 100];
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_load';

interface Job {
  url: string;
  devices: BenchDevice[];
  phaseMs: number;
}

interface LoadResult {
  pushMs: number[];
  pulls: number;
  errors: number;
  firstError: string | null;
  ms: number;
}

/** One device's next batch: new records, and from the second batch on, edits of its own earlier ones. */
function makeBatch(
  device: BenchDevice,
  state: { seq: number; made: { id: string; hlc: string }[] },
): ChangeOp[] {
  const ops: ChangeOp[] = [];
  const wall = Date.now();
  for (let k = 0; k < OPS_PER_PUSH; k++) {
    state.seq += 1;
    const hlc = encodeHlc({ wall, counter: state.seq % 1_000_000, node: device.deviceId });
    const at = new Date(wall).toISOString();
    const base = {
      opId: randomUUID(),
      deviceId: device.deviceId,
      deviceSeq: state.seq,
      hlc,
      at,
      by: 'ผู้ทดสอบ',
      sentAt: null,
    };
    const earlier =
      state.made.length > 0 && k % 4 === 3 ? state.made[(state.seq * 7) % state.made.length]! : null;
    if (earlier) {
      ops.push({
        ...base,
        table: 'quarterlyRecords',
        id: earlier.id,
        kind: 'patch',
        fields: { note: `แก้ไขครั้งที่ ${state.seq}` },
        before: { note: '' },
        baseRev: earlier.hlc,
      });
      earlier.hlc = hlc;
    } else {
      const id = randomUUID();
      ops.push({
        ...base,
        table: 'quarterlyRecords',
        id,
        kind: 'put',
        fields: {
          planId: 'plan-1',
          measureId: `m-${state.seq % 12}`,
          quarter: 2,
          budgetSpent: 12_500,
          note: '',
          deletedAt: null,
        },
        before: null,
        baseRev: null,
      });
      state.made.push({ id, hlc });
    }
  }
  return ops;
}

/** The worker's side: every device pushes and pulls in a loop until `phaseMs` is over. */
async function devicesLoop({ url, devices, phaseMs }: Job): Promise<LoadResult> {
  const result: LoadResult = { pushMs: [], pulls: 0, errors: 0, firstError: null, ms: 0 };
  const fail = (what: string) => {
    result.errors += 1;
    result.firstError ??= what;
  };
  const states = devices.map(() => ({ seq: 0, made: [] as { id: string; hlc: string }[], cursor: 0 }));
  const pushOnce = async (i: number, timed: boolean) => {
    const device = devices[i]!;
    const body = JSON.stringify({ deviceId: device.deviceId, ops: makeBatch(device, states[i]!) });
    const started = performance.now();
    const res = await fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body,
    }).catch((err: unknown) => ({ status: 0, text: async () => String(err), json: async () => null }));
    if (res.status !== 200) return fail(`push ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const answer = (await res.json()) as PushResponse;
    if (timed) result.pushMs.push(performance.now() - started);
    if (answer.results.some((r) => r.status === 'rejected')) fail('an op was rejected');
  };
  const pullOnce = async (i: number) => {
    const device = devices[i]!;
    const res = await fetch(`${url}/api/v1/sync/pull?since=${states[i]!.cursor}&format=2`, {
      headers: { authorization: `Bearer ${device.token}` },
    }).catch(() => null);
    if (!res || res.status !== 200) return fail(`pull ${res?.status ?? 'no answer'}`);
    const page = (await res.json()) as { cursor: number };
    states[i]!.cursor = page.cursor;
    result.pulls += 1;
  };
  // Warm-up: each device's connection, the server's JIT and plans.
  await Promise.all(devices.map((_, i) => pushOnce(i, false)));
  const started = performance.now();
  const until = started + phaseMs;
  await Promise.all(
    devices.map(async (_, i) => {
      // Devices do not start in step: a phone opens the app when its person does.
      await new Promise((r) => setTimeout(r, Math.random() * 200));
      while (performance.now() < until) {
        await pushOnce(i, true);
        await pullOnce(i);
      }
    }),
  );
  result.ms = performance.now() - started;
  return result;
}

function runDevices(job: Job): Promise<LoadResult> {
  return runOnWorker<LoadResult>(import.meta.url, job, 'devices');
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, server: RunningServer, count: number): Promise<string> {
  await server.db.exec(`TRUNCATE ${DATA_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
  const url = `http://127.0.0.1:${server.port}`;
  const devices = await createAgencyAndDevices(server.db, url, count);
  const r = await runDevices({ url, devices, phaseMs: PHASE_MS });
  const sorted = [...r.pushMs].sort((a, b) => a - b);
  const seconds = r.ms / 1000;
  const requests = r.pushMs.length + r.pulls;
  const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`;
  return (
    `load, ${label}, ${count} devices (each: push ${OPS_PER_PUSH} ops, pull a page, repeat; ${seconds.toFixed(0)} s): ` +
    `push p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1] ?? NaN)}; ` +
    `${(requests / seconds).toFixed(0)} req/s (${(r.pushMs.length / seconds).toFixed(0)} pushes/s, ` +
    `${((r.pushMs.length * OPS_PER_PUSH) / seconds).toFixed(0)} ops/s); errors ${r.errors}` +
    (r.firstError ? ` (first: ${r.firstError})` : '')
  );
}

async function main() {
  const distDir = '.bench/load-dist';
  mkdirSync(distDir, { recursive: true });
  writeFileSync(`${distDir}/index.html`, '<!doctype html><title>bench</title>');
  const unlimited = { burst: 1e9, perMinute: 1e9 };
  const base = {
    port: 0,
    host: '127.0.0.1',
    distDir,
    log: () => {},
    rateLimit: unlimited,
    failureLimit: unlimited,
  };

  const embedded = await startServer({ ...base, dataDir: '.bench/load-data' });
  try {
    for (const count of DEVICE_COUNTS) console.log(await measure('PGlite', embedded, count));
  } finally {
    await embedded.close();
  }

  if ((await freshPostgresSchema(PG_URL, SCHEMA)) === null) {
    const server = await startServer({
      ...base,
      dataDir: '.bench/unused',
      databaseUrl: PG_URL,
      databaseSchema: SCHEMA,
    });
    try {
      for (const count of DEVICE_COUNTS) console.log(await measure('PostgreSQL', server, count));
    } finally {
      await server.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await client.end();
    }
  } else {
    console.log(`load, PostgreSQL: not measured (no PostgreSQL answers at ${PG_URL})`);
  }
}

if (isMainThread) {
  await main();
} else if (parentPort) {
  const port = parentPort;
  devicesLoop(workerData as Job).then(
    (result) => port.postMessage({ ok: true, result }),
    (err: unknown) =>
      port.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
}

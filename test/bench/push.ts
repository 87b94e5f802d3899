/**
 * The sync push bench: 20,000 ops (four in five create a record, one in five
 * edits one made earlier) pushed over loopback HTTP in batches of 500 by four
 * devices at once, through POST /api/v1/sync/push (validation, duplicate
 * check, field-by-field merge, entities, applied ops, numbered changes),
 * against the baseline of raw multi-row INSERTs of the same change rows, 500
 * a statement, by as many callers, into the same `changes` table of the same
 * database. PGlite (its folder on disk, in .bench/) and PostgreSQL (when one
 * answers at TEST_DATABASE_URL, in a schema of its own). Each phase stops
 * after all ops or PHASE_MS, whichever comes first. Target: ratio ≥ 0.5.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import type { ChangeOp } from '../../src/domain/changeLog';
import { encodeHlc } from '../../src/domain/hlc';
import { PUSH_MAX_OPS, type PushResponse } from '../../src/domain/syncProtocol';
import type { Db } from '../../src/server/db';
import { startServer, type RunningServer } from '../../src/server/main';
import { DATA_TABLES } from '../../src/server/migrations';
import { createAgencyAndDevices, type BenchDevice } from './uploadClients';

const OPS = 20_000;
const DEVICES = 4;
const BATCH = PUSH_MAX_OPS;
const PHASE_MS = 25_000;
const TARGET = 0.5;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_push';
const T0 = 1_717_000_000_000;

/** Each device's ops, in batches, in the order it sends them. */
function makeBatches(devices: BenchDevice[]): ChangeOp[][][] {
  const perDevice = OPS / devices.length;
  return devices.map((d, di) => {
    const ops: ChangeOp[] = [];
    const made: { id: string; hlc: string; status: string; note: string }[] = [];
    for (let k = 0; k < perDevice; k++) {
      const hlc = encodeHlc({ wall: T0 + k, counter: 0, node: d.deviceId });
      const base = {
        opId: randomUUID(),
        deviceId: d.deviceId,
        deviceSeq: k + 1,
        hlc,
        by: 'ผู้ทดสอบ',
        sentAt: null,
      };
      const at = new Date(T0 + k).toISOString();
      const earlier = made[(k * 7) % Math.max(1, made.length - BATCH)];
      if (k % 5 === 4 && earlier && made.length > BATCH) {
        const status = earlier.status === 'done' ? 'in_progress' : 'done';
        const note = `แก้ไขครั้งที่ ${k}`;
        ops.push({
          ...base,
          table: 'progress',
          id: earlier.id,
          kind: 'patch',
          fields: { status, note },
          before: { status: earlier.status, note: earlier.note },
          baseRev: earlier.hlc,
          at,
        });
        Object.assign(earlier, { status, note, hlc });
      } else {
        const id = `${di}-${k}-${randomUUID()}`;
        ops.push({
          ...base,
          table: 'progress',
          id,
          kind: 'put',
          fields: {
            actionId: `action-${k % 40}`,
            planId: 'plan-1',
            status: 'done',
            note: 'ดำเนินการแล้วตามแผน',
            meetingId: null,
            at,
            deletedAt: null,
          },
          before: null,
          baseRev: null,
          at,
        });
        made.push({ id, hlc, status: 'done', note: 'ดำเนินการแล้วตามแผน' });
      }
    }
    const batches: ChangeOp[][] = [];
    for (let i = 0; i < ops.length; i += BATCH) batches.push(ops.slice(i, i + BATCH));
    return batches;
  });
}

interface Row {
  seq: number;
  tbl: string;
  id: string;
  fields: string;
  stamps: string;
  op_id: string;
  device_id: string;
}

interface EntityRow {
  tbl: string;
  id: string;
  data: string;
  stamps: string;
}

/** Multi-row INSERT of entity rows (the second baseline). */
function insertEntities(db: Db, agencyId: string, batch: EntityRow[]) {
  if (batch.length === 0) return Promise.resolve();
  const values: unknown[] = [agencyId];
  const tuples = batch.map((r) => {
    const n = values.length;
    values.push(r.tbl, r.id, r.data, r.stamps);
    return `($1, $${n + 1}, $${n + 2}, $${n + 3}::json, $${n + 4}::json)`;
  });
  return db.query(
    `INSERT INTO entities (agency_id, tbl, id, data, stamps) VALUES ${tuples.join(', ')}`,
    values,
  );
}

/**
 * The baseline: the same change rows, BATCH a statement, `DEVICES` callers at
 * once; with `entities`, each batch also inserts its share of the entity rows
 * the push wrote (everything a push stores, raw).
 */
async function rawInserts(
  db: Db,
  agencyId: string,
  rows: Row[],
  entities: EntityRow[] = [],
): Promise<number> {
  const batches: Row[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH));
  const perBatch = Math.ceil(entities.length / batches.length);
  const insert = async (batch: Row[], index: number) => {
    await insertEntities(db, agencyId, entities.slice(index * perBatch, (index + 1) * perBatch));
    const values: unknown[] = [agencyId];
    const tuples = batch.map((r) => {
      const n = values.length;
      values.push(r.seq, r.tbl, r.id, r.fields, r.stamps, r.op_id, r.device_id);
      return `($1, $${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}::jsonb, $${n + 5}::jsonb, $${n + 6}, $${n + 7})`;
    });
    await db.query(
      `INSERT INTO changes (agency_id, seq, tbl, id, fields, stamps, op_id, device_id) VALUES ${tuples.join(', ')}`,
      values,
    );
  };
  let next = 0;
  let done = 0;
  const started = performance.now();
  const until = started + PHASE_MS;
  const loop = async () => {
    while (next < batches.length && performance.now() < until) {
      const index = next++;
      const batch = batches[index]!;
      await insert(batch, index);
      done += batch.length;
    }
  };
  await Promise.all(Array.from({ length: DEVICES }, loop));
  return done / ((performance.now() - started) / 1000);
}

async function measure(label: string, server: RunningServer): Promise<string> {
  const { db } = server;
  await db.exec(`TRUNCATE ${DATA_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
  const url = `http://127.0.0.1:${server.port}`;
  const devices = await createAgencyAndDevices(db, url, DEVICES);
  const perDevice = makeBatches(devices);

  const push = async (device: BenchDevice, ops: ChangeOp[]) => {
    const res = await fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ deviceId: device.deviceId, ops }),
    });
    if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
    const answer = (await res.json()) as PushResponse;
    const bad = answer.results.find((r) => r.status !== 'applied');
    if (bad) throw new Error(`an op was not applied: ${JSON.stringify(bad)}`);
  };

  // Warm-up on a throwaway agency (JIT, plans), then the timed run on the real one.
  const [warm] = await createAgencyAndDevices(db, url, 1);
  await push(warm!, makeBatches([warm!])[0]!.slice(0, 2).flat().slice(0, BATCH));

  let pushed = 0;
  const started = performance.now();
  const until = started + PHASE_MS;
  await Promise.all(
    devices.map(async (device, i) => {
      for (const batch of perDevice[i]!) {
        if (performance.now() >= until) return;
        await push(device, batch);
        pushed += batch.length;
      }
    }),
  );
  const viaPush = pushed / ((performance.now() - started) / 1000);

  // The rows the push wrote, as the baseline inserts them again.
  const agencyId = devices[0]!.agencyId;
  const { rows } = await db.query<Row>(
    `SELECT seq, tbl, id, fields::text AS fields, stamps::text AS stamps, op_id, device_id
     FROM changes WHERE agency_id = $1 ORDER BY seq`,
    [agencyId],
  );
  const { rows: entityRows } = await db.query<EntityRow>(
    'SELECT tbl, id, data::text AS data, stamps::text AS stamps FROM entities WHERE agency_id = $1',
    [agencyId],
  );
  await db.exec('TRUNCATE changes');
  const raw = await rawInserts(db, agencyId, rows);
  await db.exec('TRUNCATE changes, entities');
  const rawBoth = await rawInserts(db, agencyId, rows, entityRows);
  const line = (name: string, baseline: number, what: string) => {
    const ratio = viaPush / baseline;
    return (
      `${name}, ${label} (${pushed.toLocaleString('en')} ops in batches of ${BATCH}, ${DEVICES} devices, ` +
      `loopback HTTP): ${viaPush.toFixed(0)} changes/s (baseline ${baseline.toFixed(0)} changes/s [${what}], ` +
      `ratio ${ratio.toFixed(2)}, target ≥ ${TARGET.toFixed(2)}: ${ratio >= TARGET ? 'met' : 'MISSED'})`
    );
  };
  return [
    line('sync push throughput', raw, `raw INSERT of the same rows into changes, ${BATCH} a statement`),
    line(
      'sync push vs storage',
      rawBoth,
      `raw INSERT of the same change rows and the ${entityRows.length.toLocaleString('en')} entity rows it stored`,
    ),
  ].join('\n');
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.query(`CREATE SCHEMA ${SCHEMA}`);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const distDir = '.bench/push-dist';
mkdirSync(distDir, { recursive: true });
writeFileSync(`${distDir}/index.html`, '<!doctype html><title>bench</title>');
const base = { port: 0, host: '127.0.0.1', distDir, log: () => {} };
const unlimited = { rateLimit: { burst: 1e9, perMinute: 1e9 } };

// The embedded database on the project's disk, as `npm start` has it (created on the first run, then reused).
const embedded = await startServer({ ...base, ...unlimited, dataDir: '.bench/push-data' });
try {
  console.log(await measure('PGlite', embedded));
} finally {
  await embedded.close();
}

if (await postgresAnswers()) {
  const server = await startServer({
    ...base,
    ...unlimited,
    dataDir: '.bench/unused',
    databaseUrl: PG_URL,
    databaseSchema: SCHEMA,
  });
  try {
    console.log(await measure('PostgreSQL', server));
  } finally {
    await server.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.end();
  }
} else {
  console.log(`sync push throughput, PostgreSQL: not measured (no PostgreSQL at ${PG_URL})`);
}

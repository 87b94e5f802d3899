/**
 * The sync push bench: 20,000 ops (four in five create a record, one in five
 * edits one made earlier) pushed over loopback HTTP in batches of 500 by four
 * devices at once, through POST /api/v1/sync/push (validation, duplicate
 * check, field-by-field merge, entities, applied ops, numbered changes),
 * against the baseline of raw multi-row INSERTs of every row the push
 * stored, change rows and the records' current state (entities), 500 a
 * statement, by as many callers, into the same tables of the same database.
 * A second line compares with the change rows alone (the figure before the
 * target was restated; no target). PGlite (its folder on disk, in .bench/)
 * and PostgreSQL (when one answers at TEST_DATABASE_URL, in a schema of its
 * own). Each phase stops after all ops or PHASE_MS, whichever comes first.
 * Target: ratio ≥ 0.5.
 *
 * The devices are phones, other machines in use: they run on a worker thread
 * (pushClients.ts) with their request bodies made before the clock starts, so
 * the server's event loop and the database share this machine's two cores
 * with as little of the phones' work as loopback HTTP allows. The baseline's
 * callers build their statements on the clock, in this process.
 */
import pg from 'pg';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Db } from '../../src/server/db';
import { startServer, type RunningServer } from '../../src/server/main';
import { DATA_TABLES } from '../../src/server/migrations';
import { BATCH, runClients } from './pushClients';
import { createAgencyAndDevices } from './uploadClients';
import { freshPostgresSchema } from './util';

const DEVICES = 4;
const PHASE_MS = 25_000;
const TARGET = 0.5;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_push';

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

  // The phones are other machines: their side (making and sending the requests) runs on
  // another thread, so the server's event loop does only the server's work.
  const [warm] = await createAgencyAndDevices(db, url, 1);
  const { pushed, ms } = await runClients({ url, devices, warm: warm!, phaseMs: PHASE_MS });
  const viaPush = pushed / (ms / 1000);

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
  const line = (name: string, baseline: number, what: string, target: boolean) => {
    const ratio = viaPush / baseline;
    return (
      `${name}, ${label} (${pushed.toLocaleString('en')} ops in batches of ${BATCH}, ${DEVICES} devices, ` +
      `loopback HTTP): ${viaPush.toFixed(0)} changes/s (baseline ${baseline.toFixed(0)} changes/s [${what}], ` +
      `ratio ${ratio.toFixed(2)}` +
      (target ? `, target ≥ ${TARGET.toFixed(2)}: ${ratio >= TARGET ? 'met' : 'MISSED'})` : ', no target)')
    );
  };
  return [
    line(
      'sync push throughput',
      rawBoth,
      `raw INSERT of every row it stored: the change rows and ${entityRows.length.toLocaleString('en')} entity rows, ${BATCH} a statement`,
      true,
    ),
    line('sync push vs change rows alone', raw, `raw INSERT of the change rows only`, false),
  ].join('\n');
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

if ((await freshPostgresSchema(PG_URL, SCHEMA)) === null) {
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

/**
 * The upload bench: reporting uploads of distinct ~50 KB export documents over
 * loopback HTTP (POST /api/v1/exports, with validation, canonical hashing and
 * the idempotent insert), by a few concurrent clients, against the baseline of
 * raw INSERTs of the same bodies into the same table of the same database.
 * PGlite (its folder on disk, in .bench/) and PostgreSQL (when one answers at
 * TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, in a
 * schema of its own). Each phase stops after N uploads or a time bound.
 */
import pg from 'pg';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { canonicalJson } from '../../src/server/exports';
import { startServer, type RunningServer } from '../../src/server/main';
import { DATA_TABLES } from '../../src/server/migrations';
import { createAgencyAndDevices, type BenchDevice } from './uploadClients';
import { makeExport } from '../server/exportFixture';
import { freshPostgresSchema } from './util';

const EXPORTS = 600;
const CLIENTS = 4;
const KB = 50;
const PHASE_MS = 15_000;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_upload';

interface Body {
  id: string;
  exportedAt: string;
  plans: number;
  text: string;
  canonical: string;
  hash: string;
}

function bodies(): Body[] {
  return Array.from({ length: EXPORTS }, () => {
    const doc = makeExport({ kb: KB });
    const canonical = canonicalJson(doc);
    if (!canonical.ok) throw new Error('fixture is not storable');
    return {
      id: doc.id,
      exportedAt: new Date(doc.exportedAt).toISOString(),
      plans: doc.plans.length,
      text: JSON.stringify(doc),
      canonical: canonical.json,
      hash: createHash('sha256').update(canonical.json).digest('hex'),
    };
  });
}

/** Runs `work(i)` for i = 0… on `clients` concurrent loops until all are done or time is up; returns per second. */
async function throughput(
  clients: number,
  total: number,
  work: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const until = started + PHASE_MS;
  const loop = async () => {
    while (next < total && performance.now() < until) await work(next++);
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return next / ((performance.now() - started) / 1000);
}

async function measure(label: string, server: RunningServer, all: Body[]): Promise<string> {
  const { db } = server;
  await db.exec(`TRUNCATE ${DATA_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
  const url = `http://127.0.0.1:${server.port}`;
  const devices: BenchDevice[] = await createAgencyAndDevices(db, url, CLIENTS);
  const warm = all.slice(0, 20);
  const timed = all.slice(20);

  const post = async (body: Body, device: BenchDevice) => {
    const res = await fetch(`${url}/api/v1/exports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: body.text,
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`upload answered ${res.status}`);
  };
  for (const [i, body] of warm.entries()) await post(body, devices[i % CLIENTS]!);
  const http = await throughput(CLIENTS, timed.length, (i) => post(timed[i]!, devices[i % CLIENTS]!));

  // The baseline: the same rows, by the same number of concurrent callers, straight into the table.
  await db.exec('TRUNCATE exports');
  const device = devices[0]!;
  const insert = (b: Body) =>
    db.query(
      `INSERT INTO exports (agency_id, id, device_id, exported_at, plans, bytes, body_hash, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT (agency_id, id) DO NOTHING`,
      [
        device.agencyId,
        b.id,
        device.deviceId,
        b.exportedAt,
        b.plans,
        b.canonical.length,
        b.hash,
        b.canonical,
      ],
    );
  for (const body of warm) await insert(body);
  const raw = await throughput(CLIENTS, timed.length, (i) => insert(timed[i]!).then(() => undefined));

  return (
    `upload throughput, ${label} (${KB} KB exports, ${CLIENTS} clients, loopback HTTP): ` +
    `${http.toFixed(1)} exports/s (baseline ${raw.toFixed(1)} exports/s ` +
    `[raw INSERT of the same bodies into the same table], ratio ${(http / raw).toFixed(2)})`
  );
}

const distDir = '.bench/upload-dist';
mkdirSync(distDir, { recursive: true });
writeFileSync(`${distDir}/index.html`, '<!doctype html><title>bench</title>');
const base = { port: 0, host: '127.0.0.1', distDir, log: () => {} };
const unlimited = { rateLimit: { burst: 1e9, perMinute: 1e9 } };
const all = bodies();

// The embedded database on the project's disk, as `npm start` has it (created on the first run, then reused).
const embedded = await startServer({ ...base, ...unlimited, dataDir: '.bench/upload-data' });
try {
  console.log(await measure('PGlite', embedded, all));
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
    console.log(await measure('PostgreSQL', server, all));
  } finally {
    await server.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.end();
  }
} else {
  console.log(`upload throughput, PostgreSQL: not measured (no PostgreSQL at ${PG_URL})`);
}

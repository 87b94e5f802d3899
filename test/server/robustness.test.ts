/**
 * Robustness (issue 15): what the server refuses and how it fails. Deep or
 * oversized JSON, wrong content types and clocks from the future are refused
 * with a JSON error naming the limit.
 */
import 'fake-indexeddb/auto';
import { serve } from '@hono/node-server';
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../src/domain/changeLog';
import { encodeHlc } from '../../src/domain/hlc';
import type { PushResponse } from '../../src/domain/syncProtocol';
import { makeCommands } from '../../src/db/commands';
import { ItaDatabase } from '../../src/db/schema';
import { createApp } from '../../src/server/app';
import { withTimeout, type Db } from '../../src/server/db';
import { lockPath, readLock } from '../../src/server/lockFile';
import { startServer } from '../../src/server/main';
import { parseTrustProxy, trustsPeer } from '../../src/server/trustProxy';
import { enrolDevice as enrolPhone } from '../../src/sync/enrol';
import { makeSync, readSyncState } from '../../src/sync/syncClient';
import { MAX_CLOCK_AHEAD_MS, MAX_FIELD_BYTES, MAX_JSON_DEPTH, MAX_OP_BYTES } from '../../src/server/limits';
import { bearer, createAgency, enrolDevice, get, post, upload, type Device } from './client';
import { makeExport } from './exportFixture';
import { describeEachDb, fakeDist, PG_URL, tempDir, type Harness } from './harness';

let seq = 0;
function op(device: Device, fields: Record<string, unknown>, wall = Date.now()): ChangeOp {
  return {
    opId: randomUUID(),
    deviceId: device.deviceId,
    deviceSeq: ++seq,
    table: 'plans',
    id: randomUUID(),
    kind: 'put',
    fields,
    before: null,
    baseRev: null,
    hlc: encodeHlc({ wall, counter: 0, node: device.deviceId }),
    at: new Date(wall).toISOString(),
    by: 'สมศรี',
    sentAt: null,
  };
}

const pushBody = (device: Device, ops: ChangeOp[]) => ({ deviceId: device.deviceId, ops });
const pushRaw = (h: Harness, device: Device, body: unknown, headers: Record<string, string> = {}) =>
  post(h, '/api/v1/sync/push', body, { ...bearer(device), ...headers });

/** JSON text of `[[[…1…]]]`, `levels` deep, without a recursive stringify. */
const deepJson = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

async function changeCount(h: Harness) {
  const { rows } = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM changes');
  return rows[0]!.n;
}

describeEachDb('robustness: what the server refuses', (h) => {
  it('refuses an export nested 5,000 levels deep with 422 too_deep (not a 500), nothing stored', async () => {
    const device = await enrolDevice(h, await createAgency(h));
    const doc = JSON.stringify({ ...makeExport(), changes: '__DEEP__' }).replace(
      '"__DEEP__"',
      `[{"fields":{"x":${deepJson(5_000)}}}]`,
    );
    const res = await upload(h, device, doc);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: 'too_deep',
      limit: MAX_JSON_DEPTH,
      message: expect.any(String),
    });
    const list = (await (await get(h, '/api/v1/exports', device)).json()) as { exports: unknown[] };
    expect(list.exports).toHaveLength(0);
  });

  it('refuses a pushed op whose field nests 5,000 levels (rejected, code too_deep); the batch’s other ops apply', async () => {
    const device = await enrolDevice(h, await createAgency(h));
    const good = op(device, { name: 'แผนปกติ' });
    const bad = op(device, { name: '__DEEP__' });
    const text = JSON.stringify(pushBody(device, [bad, good])).replace('"__DEEP__"', deepJson(5_000));
    const res = await pushRaw(h, device, text);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as PushResponse;
    expect(answer.results[0]).toMatchObject({
      opId: bad.opId,
      status: 'rejected',
      code: 'too_deep',
      limit: 64,
    });
    expect(answer.results[1]).toMatchObject({ opId: good.opId, status: 'applied' });
    expect(await changeCount(h)).toBe(1);
    // Just under the limit is a value like any other.
    const ok = op(device, { name: '__DEEP__' });
    const okText = JSON.stringify(pushBody(device, [ok])).replace('"__DEEP__"', deepJson(MAX_JSON_DEPTH));
    const okAnswer = (await (await pushRaw(h, device, okText)).json()) as PushResponse;
    expect(okAnswer.results[0]).toMatchObject({ status: 'applied' });
  });

  it('refuses a 7 MB field value (field_too_large, naming the limit) and an op over 256 KB; nothing of them is pulled', async () => {
    const device = await enrolDevice(h, await createAgency(h));
    const huge = op(device, { notes: 'ก'.repeat((7 * 1024 * 1024) / 3) });
    const wide = op(
      device,
      Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}`, 'x'.repeat(60_000)])),
    );
    const fine = op(device, { notes: 'x'.repeat(60_000) });
    const res = await pushRaw(h, device, pushBody(device, [huge, wide, fine]));
    expect(res.status).toBe(200);
    const answer = (await res.json()) as PushResponse;
    expect(answer.results[0]).toMatchObject({
      status: 'rejected',
      code: 'field_too_large',
      limit: MAX_FIELD_BYTES,
    });
    expect((answer.results[0] as { reason: string }).reason).toContain('65,536');
    expect(answer.results[1]).toMatchObject({
      status: 'rejected',
      code: 'op_too_large',
      limit: MAX_OP_BYTES,
    });
    expect(answer.results[2]).toMatchObject({ status: 'applied' });
    const pulled = (await (await get(h, '/api/v1/sync/pull?since=0', device)).json()) as {
      changes: { opId: string }[];
    };
    expect(pulled.changes.map((c) => c.opId)).toEqual([fine.opId]);
  });

  it('answers JSON sent as text/plain (or with no type) with 415, on enrol, exports and push', async () => {
    const agency = await createAgency(h);
    const device = await enrolDevice(h, agency);
    const plain = { 'content-type': 'text/plain;charset=UTF-8' };
    const responses = [
      await post(h, '/api/v1/enrol', { code: agency.enrolCode, deviceName: 'x' }, plain),
      await post(h, '/api/v1/exports', makeExport(), { ...bearer(device), ...plain }),
      await pushRaw(h, device, pushBody(device, [op(device, { name: 'x' })]), plain),
      await fetch(`${h.url}/api/v1/exports`, {
        method: 'POST',
        headers: bearer(device),
        body: new Blob([JSON.stringify(makeExport())]),
      }),
    ];
    for (const res of responses) {
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: 'unsupported_type', allowed: ['application/json'] });
    }
    expect(await changeCount(h)).toBe(0);
    // With its charset, JSON is JSON.
    const ok = await post(h, '/api/v1/exports', makeExport(), {
      ...bearer(device),
      'content-type': 'application/json; charset=utf-8',
    });
    expect(ok.status).toBe(201);
  });

  it('refuses a push stamped more than 5 minutes ahead of the server’s clock with 422 clock_ahead; nothing stored', async () => {
    const device = await enrolDevice(h, await createAgency(h));
    const future = op(device, { name: 'จากอนาคต' }, Date.now() + 24 * 3_600_000);
    const res = await pushRaw(h, device, pushBody(device, [op(device, { name: 'ปกติ' }), future]));
    expect(res.status).toBe(422);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      error: 'clock_ahead',
      limitMs: MAX_CLOCK_AHEAD_MS,
      serverTime: expect.any(String),
    });
    expect(body.message).toContain('นาฬิกาของเครื่องนี้เดินเร็วเกินไป');
    expect(await changeCount(h)).toBe(0);
    // A minute ahead is within the tolerance.
    const close = await pushRaw(
      h,
      device,
      pushBody(device, [op(device, { name: 'x' }, Date.now() + 60_000)]),
    );
    expect(close.status).toBe(200);
  });
});

/**
 * A TCP proxy to PostgreSQL that can be switched to "accept but never
 * answer": new connections are accepted and never connected on, and bytes on
 * open ones are swallowed both ways, as a stalled network or a frozen
 * database server does.
 */
async function stallableProxy(target: { host: string; port: number }) {
  let stalled = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (stalled) return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (d) => {
      if (!stalled) upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!stalled) client.write(d);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    stall: () => void (stalled = true),
    resume: () => void (stalled = false),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A Db whose calls, while stalled, wait until it is resumed (as a stuck PGlite query would). */
function stallableDb(db: Db) {
  let gate: Promise<void> | null = null;
  let open = () => {};
  const wait = async () => {
    while (gate) await gate;
  };
  const wrapped: Db = {
    kind: db.kind,
    query: async (sql, params) => (await wait(), db.query(sql, params)),
    exec: async (sql) => (await wait(), db.exec(sql)),
    transaction: async (fn) => (await wait(), db.transaction(fn)),
    close: () => db.close(),
  };
  return {
    db: wrapped,
    stall: () => void (gate ??= new Promise<void>((r) => (open = r))),
    resume: () => {
      gate = null;
      open();
    },
  };
}

/** Status and seconds taken; 0 when no answer came within 20 s. */
async function timed(request: () => Promise<Response>): Promise<{ status: number; s: number }> {
  const started = performance.now();
  const status = await request().then(
    async (r) => (await r.arrayBuffer(), r.status),
    () => 0,
  );
  return { status, s: (performance.now() - started) / 1000 };
}

describeEachDb('robustness: a database that stops answering', (h) => {
  it('health answers 503 within 5 s, push and upload 503 within the timeout, and all recover on their own', async () => {
    const agency = await createAgency(h);
    let url: string;
    let stall: () => void;
    let resume: () => void;
    let stop: () => Promise<void>;
    const dbTimeoutMs = 3_000;
    if (h.kind === 'postgres') {
      const target = new URL(PG_URL);
      const proxy = await stallableProxy({ host: target.hostname, port: Number(target.port || 5432) });
      const proxied = new URL(PG_URL);
      proxied.host = `127.0.0.1:${proxy.port}`;
      const server = await startServer({
        port: 0,
        host: '127.0.0.1',
        distDir: fakeDist(),
        dataDir: h.dataDir,
        databaseUrl: proxied.toString(),
        databaseSchema: h.schema,
        dbTimeoutMs,
      });
      url = `http://127.0.0.1:${server.port}`;
      ({ stall, resume } = proxy);
      stop = async () => {
        await proxy.close();
        await server.close();
      };
    } else {
      // PGlite runs in this process: a query cannot hang on a network, but one can wait behind a
      // transaction that never ends. The guard startServer puts on PGlite (withTimeout) bounds it.
      const stallable = stallableDb(h.db);
      const app = createApp({
        distDir: fakeDist(),
        version: 'test',
        api: { db: withTimeout(stallable.db, dbTimeoutMs), publicUrl: () => 'http://localhost' },
      });
      const s = await new Promise<ReturnType<typeof serve>>((r) => {
        const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => r(started));
      });
      url = `http://127.0.0.1:${(s.address() as net.AddressInfo).port}`;
      ({ stall, resume } = stallable);
      stop = () =>
        new Promise<void>((done) => {
          stallable.resume();
          s.close(() => done());
          if ('closeAllConnections' in s) s.closeAllConnections();
        });
    }
    try {
      const device = await enrolDevice(h, agency);
      const at = (path: string, init: RequestInit = {}) =>
        fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(20_000) });
      const json = { ...bearer(device), 'content-type': 'application/json' };
      const doPush = () =>
        at('/api/v1/sync/push', {
          method: 'POST',
          headers: json,
          body: JSON.stringify(pushBody(device, [op(device, { name: 'ระหว่างฐานข้อมูลค้าง' })])),
        });
      const doUpload = () =>
        at('/api/v1/exports', { method: 'POST', headers: json, body: JSON.stringify(makeExport()) });
      expect((await at('/api/health')).status).toBe(200);

      stall();
      const [health, pushed, uploaded] = await Promise.all([
        timed(() => at('/api/health')),
        timed(doPush),
        timed(doUpload),
      ]);
      expect(health.status).toBe(503);
      expect(health.s).toBeLessThan(5);
      for (const r of [pushed, uploaded]) {
        expect(r.status).toBe(503);
        expect(r.s).toBeLessThan(12);
      }
      const again = await at('/api/health');
      expect(again.status).toBe(503);
      expect(await again.json()).toMatchObject({ ok: false, error: expect.stringMatching(/^db_/) });

      resume();
      // No restart, no reset of stuck sockets: health comes back by itself.
      const deadline = Date.now() + 10_000;
      let status = 0;
      while (Date.now() < deadline) {
        status = (await timed(() => at('/api/health'))).status;
        if (status === 200) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
      expect((await timed(doPush)).status).toBe(200);
      expect((await timed(doUpload)).status).toBe(201);
    } finally {
      await stop();
    }
  }, 60_000);
});

describeEachDb('robustness: a full disk', (h) => {
  it('health answers 503 disk_full and uploads, pushes and files 507 while free space is under MIN_FREE_MB', async () => {
    const device = await enrolDevice(h, await createAgency(h));
    // More than any disk has free: the same as a full one, without filling one.
    const full = await h.extraApp({ diskSpace: { dir: h.dataDir, minFreeBytes: Number.MAX_SAFE_INTEGER } });
    const health = await fetch(`${full.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      ok: false,
      error: 'disk_full',
      freeBytes: expect.any(Number),
      minFreeBytes: Number.MAX_SAFE_INTEGER,
    });
    const json = { ...bearer(device), 'content-type': 'application/json' };
    const pdf = new TextEncoder().encode('%PDF-1.4 หลักฐาน');
    const sha = createHash('sha256').update(pdf).digest('hex');
    const refused = [
      await fetch(`${full.url}/api/v1/exports`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(makeExport()),
      }),
      await fetch(`${full.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(pushBody(device, [op(device, { name: 'x' })])),
      }),
      await fetch(`${full.url}/api/v1/files/${sha}`, {
        method: 'PUT',
        headers: { ...bearer(device), 'content-type': 'application/pdf' },
        body: pdf,
      }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(507);
      expect(await res.json()).toMatchObject({
        error: 'insufficient_storage',
        minFreeBytes: Number.MAX_SAFE_INTEGER,
      });
    }
    expect(await changeCount(h)).toBe(0);
    // Reading still works.
    expect((await fetch(`${full.url}/api/v1/sync/pull?since=0`, { headers: bearer(device) })).status).toBe(
      200,
    );
    // With room to spare, the same server is healthy.
    const roomy = await h.extraApp({ diskSpace: { dir: h.dataDir, minFreeBytes: 1 } });
    expect((await fetch(`${roomy.url}/api/health`)).status).toBe(200);
  });
});

describeEachDb('robustness: X-Forwarded-For only from the configured proxy', (h) => {
  const badToken = (url: string, forwardedFor: string) =>
    fetch(`${url}/api/v1/exports`, {
      headers: { ...bearer({ token: 'A'.repeat(43) }), 'x-forwarded-for': forwardedFor },
    }).then((r) => r.status);

  it('a client reaching the port directly cannot pick its address (a fresh failure budget) with X-Forwarded-For', async () => {
    // The proxy is elsewhere: this test's requests come straight from 127.0.0.1.
    const direct = await h.extraApp({ trustProxy: ['10.9.9.9'], failureLimit: { burst: 2, perMinute: 1 } });
    const statuses = [];
    for (let i = 1; i <= 3; i++) statuses.push(await badToken(direct.url, `203.0.113.${i}`));
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('behind the configured proxy, each forwarded client has its own budget', async () => {
    const proxied = await h.extraApp({ trustProxy: ['127.0.0.1'], failureLimit: { burst: 2, perMinute: 1 } });
    const statuses = [];
    for (let i = 1; i <= 3; i++) statuses.push(await badToken(proxied.url, `203.0.113.${i}`));
    expect(statuses).toEqual([401, 401, 401]);
    expect(await badToken(proxied.url, '203.0.113.1')).toBe(401);
    expect(await badToken(proxied.url, '203.0.113.1')).toBe(429);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default, 1 means this machine, otherwise a list of IP addresses; anything else stops start-up', () => {
    expect(parseTrustProxy(undefined)).toEqual({ ok: true, trust: false });
    expect(parseTrustProxy('1')).toEqual({ ok: true, trust: true });
    expect(parseTrustProxy('10.0.0.5, ::1')).toEqual({ ok: true, trust: ['10.0.0.5', '::1'] });
    expect(parseTrustProxy('proxy.example')).toMatchObject({ ok: false });
    expect(trustsPeer(true, '::ffff:127.0.0.1')).toBe(true);
    expect(trustsPeer(['10.0.0.5'], '::ffff:10.0.0.5')).toBe(true);
    expect(trustsPeer(['10.0.0.5'], '10.0.0.6')).toBe(false);
    expect(trustsPeer(false, '127.0.0.1')).toBe(false);
  });
});

describeEachDb('robustness: what the phone does with a refusal', (h) => {
  const planInput = {
    agency: { name: 'อบต.นาฬิกาเร็ว', district: '', province: '' },
    assessmentYear: 2566,
    fiscalYear: 2567,
    overallScore: null,
    rating: '',
    constraints: [],
  };

  async function phoneAt(clock: { ms: number }) {
    const agency = await createAgency(h);
    const now = () => new Date(clock.ms);
    const db = new ItaDatabase(`phone-robust-${randomUUID()}`);
    const commands = makeCommands(db, { now, newId: () => randomUUID() });
    await commands.saveDeviceSettings({ deviceName: 'มือถือ', staffName: 'สมศรี', digits: 'arabic' });
    await enrolPhone(db, fetch, { serverUrl: h.url, code: agency.enrolCode, deviceName: 'มือถือ' }, now());
    return { db, commands, syncer: makeSync(db, { fetch, now }) };
  }
  const unsent = (db: ItaDatabase) => db.outbox.filter((o) => o.sentAt === null).count();

  it('a phone whose clock runs an hour fast shows the clock message and keeps its edits to send later', async () => {
    const phone = await phoneAt({ ms: Date.now() + 3_600_000 });
    await phone.commands.createPlan(planInput);
    const waiting = await unsent(phone.db);
    expect(waiting).toBeGreaterThan(0);
    const outcome = await phone.syncer.sync();
    expect(outcome).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('นาฬิกาของเครื่องนี้เดินเร็วเกินไป'),
    });
    expect((await readSyncState(phone.db)).lastError).toContain('นาฬิกาของเครื่องนี้เดินเร็วเกินไป');
    expect(await unsent(phone.db)).toBe(waiting);
    expect(await changeCount(h)).toBe(0);
  });

  it('an op the server refuses for good (too deep) is listed as refused and never sent again; the rest sync', async () => {
    const phone = await phoneAt({ ms: Date.now() });
    await phone.commands.createPlan(planInput);
    const [first] = await phone.db.outbox.orderBy('deviceSeq').toArray();
    let deep: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH + 5; i++) deep = [deep];
    await phone.db.outbox.update(first!.opId, { fields: { ...first!.fields, constraints: deep } });
    const outcome = await phone.syncer.sync();
    expect(outcome).toMatchObject({ kind: 'done' });
    const state = await readSyncState(phone.db);
    expect(state.rejected).toEqual([
      { opId: first!.opId, reason: expect.stringContaining(`${MAX_JSON_DEPTH} ชั้น`) },
    ]);
    expect(await unsent(phone.db)).toBe(0);
    expect(await phone.syncer.sync()).toMatchObject({ kind: 'done', pushed: 0 });
  });
});

describe('robustness: start-up with a stale server.lock', () => {
  it.runIf(process.platform === 'linux')(
    'starts when the lock’s pid now belongs to another live process, and the lock then names this server',
    async () => {
      const dataDir = tempDir('stale-lock');
      const other = spawn('sleep', ['60'], { stdio: 'ignore' });
      await new Promise((r) => other.once('spawn', r));
      try {
        // A server that crashed long ago; its pid now belongs to `sleep`.
        writeFileSync(
          lockPath(dataDir),
          JSON.stringify({ pid: other.pid, role: 'server', port: 8080, secret: 'old', started: '1' }),
        );
        const server = await startServer({ port: 0, host: '127.0.0.1', distDir: fakeDist(), dataDir });
        try {
          expect(readLock(dataDir)).toMatchObject({ pid: process.pid, role: 'server', port: server.port });
          expect((await fetch(`http://127.0.0.1:${server.port}/api/health`)).status).toBe(200);
        } finally {
          await server.close();
        }
      } finally {
        other.kill('SIGKILL');
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

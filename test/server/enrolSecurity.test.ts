/**
 * Issue 15: who gets locked out, and who can get in. A failing phone must not
 * lock out the valid phones behind the same address (one office NAT); a
 * revoked device or a withdrawn code must end access; an enrolled device id
 * cannot be taken over with the agency's code; guessing codes is slow for
 * everyone while enrolled devices keep syncing.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin';
import { enrolDevice as enrolDirect } from '../../src/server/agencies';
import type { Db } from '../../src/server/db';
import { migrate, MIGRATIONS } from '../../src/server/migrations';
import { hashEnrolCode } from '../../src/server/secrets';
import { openPglite } from '../../src/server/pgliteDb';
import { openPostgres } from '../../src/server/postgresDb';
import {
  bearer,
  createAgency,
  enrol,
  enrolDevice,
  get,
  reenrol,
  rowCount,
  type Agency,
  type Device,
} from './client';
import { describeEachDb, PG_URL, tempDir, type Harness } from './harness';

const pushNothing = (url: string, device: Device) =>
  fetch(`${url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(device) },
    body: JSON.stringify({ deviceId: device.deviceId, ops: [] }),
  });
const pullFirst = (url: string, device: Device) =>
  fetch(`${url}/api/v1/sync/pull?since=0`, { headers: bearer(device) });

describeEachDb('one failing phone does not lock out its office', (h) => {
  it('a revoked phone retrying from the office address spends the failure budget, and the valid phones there still push and pull', async () => {
    // The default limits: per address, failures a burst of 20 then 10 a minute.
    const office = await h.extraApp({});
    const agency = await createAgency(h);
    const stale = await enrolDevice(h, agency, 'มือถือที่หาย', 'stale-phone');
    const valid = await enrolDevice(h, agency, 'มือถือที่ใช้งาน', 'valid-phone');
    await runAdmin(h.db, 'revoke-device', [agency.agencyId, stale.deviceId], { publicUrl: '' });

    const staleStatuses: number[] = [];
    for (let i = 0; i < 25; i++) staleStatuses.push((await pullFirst(office.url, stale)).status);
    expect(staleStatuses.slice(0, 20)).toEqual(Array(20).fill(403));
    expect(staleStatuses.slice(20)).toEqual(Array(5).fill(429));

    const pushed = await pushNothing(office.url, valid);
    expect(pushed.status).toBe(200);
    const pulled = await pullFirst(office.url, valid);
    expect(pulled.status).toBe(200);
    // The spent budget still slows the stale phone and any guessing.
    const again = await pullFirst(office.url, stale);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    const guess = await pullFirst(office.url, { ...valid, token: 'B'.repeat(43) });
    expect(guess.status).toBe(429);
  });

  it('a valid device is still limited on its own: 429 with Retry-After past its own rate', async () => {
    const office = await h.extraApp({ rateLimit: { burst: 5, perMinute: 5 } });
    const agency = await createAgency(h);
    const busy = await enrolDevice(h, agency, 'มือถือ 1');
    const calm = await enrolDevice(h, agency, 'มือถือ 2');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await pullFirst(office.url, busy)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await pullFirst(office.url, busy);
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited', retryAfter: expect.any(Number) });
    expect((await pullFirst(office.url, calm)).status).toBe(200);
  });
});

/** An agency as `npm run agency -- create "<name>"` makes it: its code enrols one device. */
async function agencyWithDefaultCode(h: Harness, name = 'อบต.ทดสอบ'): Promise<Agency> {
  const r = await runAdmin(h.db, 'create', [name], { publicUrl: 'http://localhost:8080' });
  if (!r.ok) throw new Error(r.message);
  return r.result as Agency;
}

async function admin(h: Harness, command: string, args: string[]) {
  const r = await runAdmin(h.db, command, args, { publicUrl: 'http://localhost:8080' });
  if (!r.ok) throw new Error(`${command}: ${r.message}`);
  return r.result as Record<string, unknown>;
}

describeEachDb('revoking ends access, codes can be withdrawn', (h) => {
  it('a code enrols one device unless told: the second phone with it gets 401 used_code', async () => {
    const agency = await agencyWithDefaultCode(h);
    expect(agency).toMatchObject({ uses: 1 });
    await enrolDevice(h, agency, 'มือถือ 1');
    const second = await enrol(h, { code: agency.enrolCode, deviceName: 'มือถือ 2' });
    expect(second.status).toBe(401);
    expect(await second.json()).toEqual({ error: 'used_code', message: expect.stringContaining('รหัส') });
    expect(await rowCount(h, 'devices')).toBe(1);
  });

  it('after revoke-device the code it came with enrols nothing: a new device id with it gets 401', async () => {
    const agency = await agencyWithDefaultCode(h);
    const lost = await enrolDevice(h, agency, 'มือถือที่หาย', 'lost-phone');
    const revoked = await admin(h, 'revoke-device', [agency.agencyId, lost.deviceId]);
    expect(revoked).toMatchObject({
      revoked: true,
      code: { codeId: agency.codeId, withdrawn: true, usesLeft: 0 },
    });
    const again = await enrol(h, { code: agency.enrolCode, deviceName: 'เครื่องใหม่', deviceId: 'another-id' });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'revoked_code' });
    expect((await get(h, '/api/v1/exports', lost)).status).toBe(403);
    expect(await rowCount(h, 'devices')).toBe(1);
  });

  it('code --uses 3 enrols three phones; revoking one leaves the code for the others and says how many uses are left', async () => {
    const agency = await agencyWithDefaultCode(h);
    const room = await admin(h, 'code', [agency.agencyId, '--uses', '3']);
    expect(room).toMatchObject({ uses: 3 });
    const withRoom = { ...agency, enrolCode: room.enrolCode as string };
    const one = await enrolDevice(h, withRoom, 'มือถือ 1');
    await enrolDevice(h, withRoom, 'มือถือ 2');
    expect(await admin(h, 'revoke-device', [agency.agencyId, one.deviceId])).toMatchObject({
      code: { codeId: room.codeId, withdrawn: false, usesLeft: 1 },
    });
    await enrolDevice(h, withRoom, 'มือถือ 3');
    const fourth = await enrol(h, { code: withRoom.enrolCode, deviceName: 'มือถือ 4' });
    expect(fourth.status).toBe(401);
    expect(await fourth.json()).toMatchObject({ error: 'used_code' });
  });

  it('revoke-code withdraws a code: it enrols nothing more (401 revoked_code), the phones it enrolled keep syncing, the other codes work', async () => {
    const agency = await createAgency(h);
    const phone = await enrolDevice(h, agency, 'มือถือ 1');
    const other = await admin(h, 'code', [agency.agencyId]);
    expect(await admin(h, 'revoke-code', [agency.agencyId, agency.codeId])).toEqual({
      agencyId: agency.agencyId,
      codeId: agency.codeId,
      revoked: true,
    });
    const res = await enrol(h, { code: agency.enrolCode, deviceName: 'มือถือ 2' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'revoked_code', message: expect.any(String) });
    expect((await get(h, '/api/v1/exports', phone)).status).toBe(200);
    expect((await enrol(h, { code: other.enrolCode, deviceName: 'มือถือ 2' })).status).toBe(201);
    // Another agency's code id is not this agency's to revoke.
    const elsewhere = await createAgency(h, 'หน่วยงานอื่น');
    const wrong = await runAdmin(h.db, 'revoke-code', [agency.agencyId, elsewhere.codeId], { publicUrl: '' });
    expect(wrong).toMatchObject({ ok: false, status: 404 });
    expect((await enrol(h, { code: elsewhere.enrolCode, deviceName: 'x' })).status).toBe(201);
  });

  it('list-codes shows each code’s id, dates, uses and status, never the code or its hash', async () => {
    const agency = await agencyWithDefaultCode(h);
    const room = await admin(h, 'code', [agency.agencyId, '--uses', '5']);
    await enrolDevice(h, agency, 'มือถือ');
    const listed = await admin(h, 'list-codes', [agency.agencyId]);
    const text = JSON.stringify(listed);
    const { rows } = await h.db.query<{ code_hash: string }>('SELECT code_hash FROM enrol_codes');
    for (const secret of [agency.enrolCode, room.enrolCode as string, ...rows.map((r) => r.code_hash)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.replace(/-/g, ''));
    }
    expect(listed).toEqual({
      agencyId: agency.agencyId,
      name: agency.name,
      codes: [
        {
          codeId: room.codeId,
          createdAt: expect.any(String),
          expiresAt: room.expiresAt,
          uses: 5,
          usesLeft: 5,
          lastUsedAt: null,
          status: 'active',
        },
        {
          codeId: agency.codeId,
          createdAt: expect.any(String),
          expiresAt: agency.expiresAt,
          uses: 1,
          usesLeft: 0,
          lastUsedAt: expect.any(String),
          status: 'used',
        },
      ],
    });
  });
});

describeEachDb('an enrolled device id cannot be taken over', (h) => {
  it('enrolling an id the agency already has, without that device’s token, is refused with 409: the real phone keeps its token and nothing is pushed as it', async () => {
    const agency = await createAgency(h);
    const real = await enrolDevice(h, agency, 'มือถือจริง', 'phone-a');
    const res = await enrol(h, { code: agency.enrolCode, deviceName: 'ผู้แอบอ้าง', deviceId: 'phone-a' });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: 'device_exists',
      message: expect.stringContaining('ลงทะเบียน'),
    });
    expect((await pushNothing(h.url, real)).status).toBe(200);
    expect((await pullFirst(h.url, real)).status).toBe(200);
    const { rows } = await h.db.query<{ name: string }>('SELECT name FROM devices');
    expect(rows).toEqual([{ name: 'มือถือจริง' }]);
  });

  it('another device’s token does not let it take over an id (409)', async () => {
    const agency = await createAgency(h);
    const real = await enrolDevice(h, agency, 'มือถือจริง', 'phone-a');
    const other = await enrolDevice(h, agency, 'มือถืออีกเครื่อง', 'phone-b');
    const res = await reenrol(h, agency, 'phone-a', 'x', other);
    expect(res.status).toBe(409);
    expect((await pullFirst(h.url, real)).status).toBe(200);
  });

  it('the device itself, with its current token, gets a new one without spending a use of its single-use code', async () => {
    const agency = await agencyWithDefaultCode(h);
    const phone = await enrolDevice(h, agency, 'มือถือ', 'phone-a');
    const res = await reenrol(h, agency, 'phone-a', 'มือถือ', phone);
    expect(res.status).toBe(201);
    const renewed = { ...phone, ...((await res.json()) as { token: string }) };
    expect((await pullFirst(h.url, phone)).status).toBe(401);
    expect((await pullFirst(h.url, renewed)).status).toBe(200);
  });

  it('a phone whose enrolment answer was lost retries with the same nonce and gets a token (no use spent); a wrong nonce is refused with 409', async () => {
    const agency = await agencyWithDefaultCode(h);
    const body = {
      code: agency.enrolCode,
      deviceName: 'มือถือ',
      deviceId: 'phone-a',
      enrolNonce: 'n'.repeat(43),
    };
    const lost = await enrol(h, body);
    expect(lost.status).toBe(201);
    const wrong = await enrol(h, { ...body, enrolNonce: 'm'.repeat(43) });
    expect(wrong.status).toBe(409);
    const retried = await enrol(h, body);
    expect(retried.status).toBe(201);
    const device = {
      agencyId: agency.agencyId,
      ...((await retried.json()) as { deviceId: string; token: string }),
    };
    expect((await pullFirst(h.url, device)).status).toBe(200);
    expect(await rowCount(h, 'devices')).toBe(1);
  });

  it('two enrolments of one new id at once: one device, one token that works', async () => {
    const agency = await createAgency(h);
    const results = await Promise.all(
      [1, 2, 3].map(() => enrol(h, { code: agency.enrolCode, deviceName: 'มือถือ', deviceId: 'same-new-id' })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const winner = results.find((r) => r.status === 201)!;
    const device = {
      ...((await winner.json()) as { deviceId: string; token: string }),
      agencyId: agency.agencyId,
    };
    expect((await pullFirst(h.url, device)).status).toBe(200);
    expect(await rowCount(h, 'devices')).toBe(1);
  });
});

const randomCode = () => {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let raw = '';
  for (let i = 0; i < 16; i++) raw += alphabet[Math.floor(Math.random() * 32)];
  return raw.match(/.{4}/g)!.join('-');
};

describeEachDb('enrol codes resist guessing', (h) => {
  it('a code is 16 Crockford base32 characters (80 bits) in groups of four, typed in any case, with I/L/O read as 1/1/0', async () => {
    const agency = await agencyWithDefaultCode(h);
    expect(agency.enrolCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const typed = agency.enrolCode.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
    expect((await enrol(h, { code: typed, deviceName: 'มือถือ' })).status).toBe(201);
  });

  it('the stored hash is keyed with the server secret: not the SHA-256 of the code', async () => {
    const agency = await agencyWithDefaultCode(h);
    const normal = agency.enrolCode.replace(/-/g, '');
    const { rows } = await h.db.query<{ code_hash: string }>('SELECT code_hash FROM enrol_codes');
    const unkeyed = [normal, `enrol:${normal}`].map((t) => createHash('sha256').update(t).digest('hex'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(unkeyed).not.toContain(rows[0]!.code_hash);
  });

  it('wrong codes from many addresses spend a server-wide budget: then enrolment answers 429 with Retry-After for everyone, and enrolled devices keep syncing', async () => {
    // Each address stays far below its own failure budget: only the server-wide one stops them.
    const server = await h.extraApp({ trustProxy: true });
    const agency = await createAgency(h);
    const phone = await enrolDevice(h, agency, 'มือถือที่ลงทะเบียนแล้ว');
    const from = (i: number) => ({
      'content-type': 'application/json',
      'x-forwarded-for': `198.51.100.${i % 200}`,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const res = await fetch(`${server.url}/api/v1/enrol`, {
        method: 'POST',
        headers: from(i),
        body: JSON.stringify({ code: randomCode(), deviceName: 'x' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 60)).toEqual(Array(60).fill(401));
    expect(statuses[60]).toBe(429);
    // A person from a fresh address with the right code waits too, and is told how long.
    const right = await fetch(`${server.url}/api/v1/enrol`, {
      method: 'POST',
      headers: from(250),
      body: JSON.stringify({ code: agency.enrolCode, deviceName: 'มือถือใหม่' }),
    });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(await right.json()).toEqual({
      error: 'rate_limited',
      message: expect.stringContaining('วินาที'),
      retryAfter: expect.any(Number),
    });
    expect((await pushNothing(server.url, phone)).status).toBe(200);
    expect((await pullFirst(server.url, phone)).status).toBe(200);
  });

  it('codes made before keyed hashes are withdrawn by the migration: listed as revoked (old_format), and they enrol nothing', async () => {
    const { db, done } = await freshDatabase(h);
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 2),
      );
      const agencyId = '0190f3a2-7c1e-7d4b-9a55-3f1e2d3c4b5a';
      await db.query("INSERT INTO agencies (id, name) VALUES ($1, 'อบต.เดิม')", [agencyId]);
      const oldCode = 'K7WQ-M3ZP-XA';
      const oldHash = createHash('sha256').update('enrol:K7WQM3ZPXA').digest('hex');
      await db.query(
        "INSERT INTO enrol_codes (code_hash, agency_id, expires_at) VALUES ($1, $2, now() + interval '5 days')",
        [oldHash, agencyId],
      );
      expect(await migrate(db)).toEqual(MIGRATIONS.filter((m) => m.version > 2).map((m) => m.version));
      const listed = await runAdmin(db, 'list-codes', [agencyId], { publicUrl: '' });
      expect(listed).toMatchObject({
        ok: true,
        result: { codes: [{ status: 'revoked', usesLeft: 0, revokedReason: 'old_format' }] },
      });
      expect(await enrolDirect(db, { code: oldCode, deviceName: 'มือถือ' })).toEqual({
        ok: false,
        reason: 'invalid_code',
      });
    } finally {
      await done();
    }
  });
});

describeEachDb('SERVER_SECRET keys the enrol codes', (h) => {
  it('with SERVER_SECRET the codes are keyed with it; another secret, or none, is refused with a message instead of making codes that never match', async () => {
    const { db, done } = await freshDatabase(h);
    const before = process.env.SERVER_SECRET;
    const a = 'a'.repeat(40);
    try {
      await migrate(db);
      process.env.SERVER_SECRET = a;
      const made = await runAdmin(db, 'create', ['อบต.มีรหัสลับ'], { publicUrl: '' });
      const code = (made as { result: { enrolCode: string } }).result.enrolCode;
      const { rows } = await db.query<{ code_hash: string }>('SELECT code_hash FROM enrol_codes');
      expect(rows[0]!.code_hash).toBe(hashEnrolCode(a, code));

      process.env.SERVER_SECRET = 'b'.repeat(40);
      await expect(runAdmin(db, 'create', ['อื่น'], { publicUrl: '' })).rejects.toThrow(
        /SERVER_SECRET is not the one/,
      );
      await expect(enrolDirect(db, { code, deviceName: 'x' })).rejects.toThrow(/SERVER_SECRET/);
      delete process.env.SERVER_SECRET;
      await expect(enrolDirect(db, { code, deviceName: 'x' })).rejects.toThrow(/set the same SERVER_SECRET/);
      process.env.SERVER_SECRET = 'short';
      await expect(enrolDirect(db, { code, deviceName: 'x' })).rejects.toThrow(/at least 32/);

      process.env.SERVER_SECRET = a;
      expect(await enrolDirect(db, { code, deviceName: 'x' })).toMatchObject({ ok: true });
    } finally {
      if (before === undefined) delete process.env.SERVER_SECRET;
      else process.env.SERVER_SECRET = before;
      await done();
    }
  });
});

/** An empty database of the harness's kind, with nothing migrated. */
async function freshDatabase(h: Harness): Promise<{ db: Db; done: () => Promise<void> }> {
  if (h.kind === 'pglite') {
    const dir = tempDir('fresh');
    const db = await openPglite(join(dir, 'pglite'));
    return {
      db,
      done: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_fresh_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openPostgres({ connectionString: PG_URL, schema });
  return {
    db,
    done: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

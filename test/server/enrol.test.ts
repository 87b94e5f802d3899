import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin';
import { bearer, createAgency, enrol, enrolDevice, get, reenrol, rowCount, upload } from './client';
import { makeExport } from './exportFixture';
import { describeEachDb } from './harness';

describeEachDb('enrolling devices', (h) => {
  it('enrols a device with the agency code and gives it a token stored only as a hash', async () => {
    const agency = await createAgency(h);
    const res = await enrol(h, { code: agency.enrolCode, deviceName: 'มือถือคุณสมศรี' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { deviceId: string; token: string };
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    const { rows } = await h.db.query<{ token_hash: string; name: string }>(
      'SELECT token_hash, name FROM devices',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe('มือถือคุณสมศรี');
    expect(rows[0]!.token_hash).not.toContain(body.token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the id a device made for itself before enrolling', async () => {
    const agency = await createAgency(h);
    const device = await enrolDevice(h, agency, 'แท็บเล็ต', '0190f3a2-7c1e-7d4b-9a55-3f1e2d3c4b5a');
    expect(device.deviceId).toBe('0190f3a2-7c1e-7d4b-9a55-3f1e2d3c4b5a');
  });

  it('accepts the code typed in lower case with spaces instead of dashes', async () => {
    const agency = await createAgency(h);
    const typed = agency.enrolCode.toLowerCase().replace(/-/g, ' ');
    expect((await enrol(h, { code: typed, deviceName: 'มือถือ' })).status).toBe(201);
  });

  it('a code made for several phones (--uses) enrols each of them until it expires', async () => {
    const agency = await createAgency(h);
    const a = await enrolDevice(h, agency, 'มือถือ 1');
    const b = await enrolDevice(h, agency, 'มือถือ 2');
    expect(a.deviceId).not.toBe(b.deviceId);
    expect(await rowCount(h, 'devices')).toBe(2);
  });

  it('refuses a wrong code with 401 and a JSON error, and enrols nothing', async () => {
    await createAgency(h);
    const res = await enrol(h, { code: 'AAAA-BBBB-CC', deviceName: 'มือถือ' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_code', message: expect.any(String) });
    expect(await rowCount(h, 'devices')).toBe(0);
  });

  it('refuses an expired code and says it expired', async () => {
    const agency = await createAgency(h);
    await h.db.query("UPDATE enrol_codes SET expires_at = now() - interval '1 second'");
    const res = await enrol(h, { code: agency.enrolCode, deviceName: 'มือถือ' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'expired_code' });
    expect(await rowCount(h, 'devices')).toBe(0);
  });

  it('a new code works beside the first one', async () => {
    const agency = await createAgency(h);
    const r = await runAdmin(h.db, 'code', [agency.agencyId], { publicUrl: 'http://x' });
    expect(r.ok).toBe(true);
    const fresh = (r as { result: { enrolCode: string } }).result.enrolCode;
    expect(fresh).not.toBe(agency.enrolCode);
    expect((await enrol(h, { code: fresh, deviceName: 'มือถือ' })).status).toBe(201);
    expect((await enrol(h, { code: agency.enrolCode, deviceName: 'มือถือ' })).status).toBe(201);
  });

  it.each([
    ['no device name', { code: 'X' }, 'deviceName'],
    ['a blank device name', { code: 'X', deviceName: '   ' }, 'deviceName'],
    ['a device id with spaces', { code: 'X', deviceName: 'a', deviceId: 'my phone' }, 'deviceId'],
  ])('refuses an enrolment with %s (422 with the path)', async (_name, body, path) => {
    const res = await enrol(h, body);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: 'invalid', path });
  });

  it('re-enrolling a known device id with its own current token replaces the token; the old one stops working', async () => {
    const agency = await createAgency(h);
    const first = await enrolDevice(h, agency, 'มือถือ', 'phone-a');
    const res = await reenrol(h, agency, 'phone-a', 'มือถือ (โทเคนใหม่)', first);
    expect(res.status).toBe(201);
    const again = (await res.json()) as { deviceId: string; token: string };
    expect(again.token).not.toBe(first.token);
    expect((await get(h, '/api/v1/exports', first)).status).toBe(401);
    expect((await get(h, '/api/v1/exports', again)).status).toBe(200);
    expect(await rowCount(h, 'devices')).toBe(1);
  });

  it('the same device id in two agencies is two devices: neither can take over the other', async () => {
    const a = await createAgency(h, 'หน่วยงาน ก');
    const b = await createAgency(h, 'หน่วยงาน ข');
    const inA = await enrolDevice(h, a, 'มือถือ', 'same-id');
    await enrolDevice(h, b, 'มือถือ', 'same-id');
    expect((await get(h, '/api/v1/exports', inA)).status).toBe(200);
    expect(await rowCount(h, 'devices')).toBe(2);
  });
});

describeEachDb('every other endpoint needs a valid device token', (h) => {
  const paths = () =>
    [
      ['POST /api/v1/exports', () => upload(h, null, makeExport())],
      ['GET /api/v1/exports', () => get(h, '/api/v1/exports', null)],
      ['GET /api/v1/exports/:id', () => get(h, `/api/v1/exports/${randomUUID()}`, null)],
    ] as const;

  it('without a token: 401 with a JSON error on each endpoint, nothing stored', async () => {
    for (const [, call] of paths()) {
      const res = await call();
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toMatchObject({ error: 'missing_token', message: expect.any(String) });
    }
    expect(await rowCount(h, 'exports')).toBe(0);
  });

  it('with a forged token: 401, nothing stored or read', async () => {
    const agency = await createAgency(h);
    const real = await enrolDevice(h, agency);
    const doc = makeExport();
    expect((await upload(h, real, doc)).status).toBe(201);
    const forged = { token: real.token.slice(0, -2) + (real.token.endsWith('AA') ? 'BB' : 'AA') };
    for (const res of [
      await upload(h, forged, makeExport()),
      await get(h, '/api/v1/exports', forged),
      await get(h, `/api/v1/exports/${doc.id}`, forged),
      await get(h, '/api/v1/exports', { token: 'not-even-the-right-shape' }),
    ]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_token' });
    }
    expect(await rowCount(h, 'exports')).toBe(1);
  });

  it('with a revoked device’s token: 403, nothing stored or read, and the id cannot enrol again', async () => {
    const agency = await createAgency(h);
    const device = await enrolDevice(h, agency, 'มือถือที่หาย', 'lost-phone');
    const doc = makeExport();
    expect((await upload(h, device, doc)).status).toBe(201);
    const r = await runAdmin(h.db, 'revoke-device', [agency.agencyId, device.deviceId], { publicUrl: '' });
    expect(r.ok).toBe(true);
    for (const res of [
      await upload(h, device, makeExport()),
      await get(h, '/api/v1/exports', device),
      await get(h, `/api/v1/exports/${doc.id}`, device),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'device_revoked' });
    }
    const again = await enrol(h, { code: agency.enrolCode, deviceName: 'x', deviceId: 'lost-phone' });
    expect(again.status).toBe(403);
    expect(await rowCount(h, 'exports')).toBe(1);
  });

  it('another agency’s export: 404 on GET, absent from the list, and its id reveals nothing on POST', async () => {
    const a = await createAgency(h, 'หน่วยงาน ก');
    const b = await createAgency(h, 'หน่วยงาน ข');
    const phoneA = await enrolDevice(h, a);
    const phoneB = await enrolDevice(h, b);
    const doc = makeExport();
    expect((await upload(h, phoneA, doc)).status).toBe(201);

    const res = await get(h, `/api/v1/exports/${doc.id}`, phoneB);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    expect(await (await get(h, '/api/v1/exports', phoneB)).json()).toEqual({ exports: [] });

    // B uploading a different body under A's id is B's own new export, not a 409 that would leak A's.
    const other = { ...makeExport({ kb: 2 }), id: doc.id };
    expect((await upload(h, phoneB, other)).status).toBe(201);
    const stored = await (await get(h, `/api/v1/exports/${doc.id}`, phoneA)).json();
    expect(stored).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('answers an unknown export id or a malformed one with 404', async () => {
    const device = await enrolDevice(h, await createAgency(h));
    expect((await get(h, `/api/v1/exports/${randomUUID()}`, device)).status).toBe(404);
    expect((await get(h, '/api/v1/exports/not-a-uuid', device)).status).toBe(404);
    expect((await get(h, "/api/v1/exports/'%3B%20drop%20table%20exports", device)).status).toBe(404);
  });

  it('a malformed Authorization header is refused like a missing token', async () => {
    const res = await fetch(`${h.url}/api/v1/exports`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(res.status).toBe(401);
    expect(bearer({ token: 't' })).toEqual({ authorization: 'Bearer t' });
  });
});

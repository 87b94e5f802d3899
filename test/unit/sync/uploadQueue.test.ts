import { describe, expect, it } from 'vitest';
import { enrolDevice, EnrolError } from '../../../src/sync/enrol';
import { readUploadStatus, saveServerSettings } from '../../../src/sync/serverSettings';
import { backoffDelay, makeUploader } from '../../../src/sync/uploadQueue';
import { testDb } from '../db/testDb';

type Reply = { status: number; body?: unknown } | 'network';

/** A stand-in for the network only: answers in order and records what was sent. */
function fakeFetch(replies: Reply[]) {
  const calls: { url: string; auth: string | null; body: string }[] = [];
  const fn = (async (url: string, init?: RequestInit) => {
    const reply = replies.shift() ?? { status: 201, body: {} };
    calls.push({ url, auth: new Headers(init?.headers).get('authorization'), body: String(init?.body) });
    if (reply === 'network') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

async function setup(replies: Reply[]) {
  const t = testDb();
  const net = fakeFetch(replies);
  const uploader = makeUploader(t.db, { fetch: net.fn, now: t.clock.now, random: () => 0.5 });
  await saveServerSettings(t.db, {
    url: 'https://ita.example.go.th/',
    token: 'tok',
    deviceId: 'd1',
    enrolledAt: '',
  });
  return { ...t, net, uploader };
}

describe('upload queue', () => {
  it('sends a waiting export with the device token and marks it sent', async () => {
    const { db, net, uploader } = await setup([{ status: 201 }]);
    await uploader.enqueue('e1', 'อบต.ก 2567', '{"id":"e1"}');
    expect(await uploader.send()).toEqual({ kind: 'done', sent: 1, failed: 0, waiting: 0 });
    expect(net.calls[0]).toEqual({
      url: 'https://ita.example.go.th/api/v1/exports',
      auth: 'Bearer tok',
      body: '{"id":"e1"}',
    });
    expect((await db.uploads.get('e1'))!.status).toBe('sent');
    expect((await readUploadStatus(db)).lastSuccessAt).not.toBeNull();
  });

  it('offline: keeps the export waiting with a message a person understands, and backs off', async () => {
    const { db, uploader, clock } = await setup(['network', { status: 200, body: { duplicate: true } }]);
    await uploader.enqueue('e1', 'x', '{}');
    await uploader.send();
    const row = (await db.uploads.get('e1'))!;
    expect(row.status).toBe('waiting');
    expect(row.lastError).toMatch(/ติดต่อเซิร์ฟเวอร์ไม่ได้/);
    expect(row.nextAttemptAt).toBe(clock.now().getTime() + 30_000);
    // Not due yet: nothing is sent.
    expect(await uploader.send()).toEqual({ kind: 'done', sent: 0, failed: 0, waiting: 1 });
    clock.advance(30_000);
    // The server already had it (the first try got through before the line dropped): a duplicate is success.
    expect(await uploader.send()).toEqual({ kind: 'done', sent: 1, failed: 0, waiting: 0 });
  });

  it('backoff doubles from 30 s up to an hour, with jitter', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, 0.5))).toEqual([30_000, 60_000, 120_000]);
    expect(backoffDelay(20, 0.5)).toBe(3_600_000);
    expect(backoffDelay(1, 0)).toBe(24_000);
    expect(backoffDelay(1, 1)).toBe(36_000);
  });

  it('a conflict (same id, other content) fails that export and says why; the rest still go', async () => {
    const { db, uploader } = await setup([{ status: 409 }, { status: 201 }]);
    await uploader.enqueue('e1', 'x', '{}');
    await uploader.enqueue('e2', 'y', '{}');
    expect(await uploader.send()).toEqual({ kind: 'done', sent: 1, failed: 1, waiting: 0 });
    expect((await db.uploads.get('e1'))!.lastError).toMatch(/รหัสเดียวกันแต่เนื้อหาต่างกัน/);
  });

  it('a revoked device keeps its exports waiting and is told to enrol again', async () => {
    const { db, uploader } = await setup([{ status: 401 }]);
    await uploader.enqueue('e1', 'x', '{}');
    await uploader.send(true);
    expect((await db.uploads.get('e1'))!.status).toBe('waiting');
    expect((await readUploadStatus(db)).lastError).toMatch(/ลงทะเบียนใหม่/);
  });

  it('without enrolment nothing is sent', async () => {
    const t = testDb();
    const net = fakeFetch([]);
    const uploader = makeUploader(t.db, { fetch: net.fn, now: t.clock.now, random: () => 0.5 });
    await uploader.enqueue('e1', 'x', '{}');
    expect(await uploader.send()).toEqual({ kind: 'not_enrolled' });
    expect(net.calls).toHaveLength(0);
  });
});

describe('enrolment', () => {
  it('keeps the device id made offline and stores the token', async () => {
    const t = testDb();
    await t.commands.saveDeviceSettings({ deviceName: 'มือถือ', staffName: 'ก', digits: 'arabic' });
    const device = (await t.db.meta.get('device'))!.value as { deviceId: string };
    const net = fakeFetch([{ status: 201, body: { deviceId: device.deviceId, token: 'secret' } }]);
    const s = await enrolDevice(
      t.db,
      net.fn,
      { serverUrl: 'ita.example.go.th/', code: ' AB12-CD34 ', deviceName: 'มือถือ' },
      t.clock.now(),
    );
    expect(s).toMatchObject({ url: 'https://ita.example.go.th', token: 'secret', deviceId: device.deviceId });
    expect(JSON.parse(net.calls[0]!.body)).toEqual({
      code: 'AB12-CD34',
      deviceName: 'มือถือ',
      deviceId: device.deviceId,
      enrolNonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
  });

  it('an enrolment whose answer was lost is retried with the same nonce; once enrolled, the next one has a new nonce', async () => {
    const t = testDb();
    await t.commands.saveDeviceSettings({ deviceName: 'มือถือ', staffName: 'ก', digits: 'arabic' });
    const device = (await t.db.meta.get('device'))!.value as { deviceId: string };
    const net = fakeFetch([
      'network',
      { status: 201, body: { deviceId: device.deviceId, token: 'first' } },
      { status: 201, body: { deviceId: device.deviceId, token: 'second' } },
    ]);
    const input = { serverUrl: 'https://ita.example.go.th', code: 'K7WQ-M3ZP-XA4E-9T0B', deviceName: 'มือถือ' };
    await expect(enrolDevice(t.db, net.fn, input, t.clock.now())).rejects.toThrow(EnrolError);
    await enrolDevice(t.db, net.fn, input, t.clock.now());
    await enrolDevice(t.db, net.fn, input, t.clock.now());
    const nonces = net.calls.map((c) => (JSON.parse(c.body) as { enrolNonce: string }).enrolNonce);
    expect(nonces[1]).toBe(nonces[0]);
    expect(nonces[2]).not.toBe(nonces[0]);
  });

  it('enrolling again with the same server sends the current token, so the server knows it is this device; another server never sees it', async () => {
    const t = testDb();
    await t.commands.saveDeviceSettings({ deviceName: 'มือถือ', staffName: 'ก', digits: 'arabic' });
    const device = (await t.db.meta.get('device'))!.value as { deviceId: string };
    const net = fakeFetch([
      { status: 201, body: { deviceId: device.deviceId, token: 'first' } },
      { status: 201, body: { deviceId: device.deviceId, token: 'second' } },
      { status: 201, body: { deviceId: device.deviceId, token: 'third' } },
    ]);
    const input = { serverUrl: 'https://ita.example.go.th', code: 'K7WQ-M3ZP-XA4E-9T0B', deviceName: 'มือถือ' };
    await enrolDevice(t.db, net.fn, input, t.clock.now());
    await enrolDevice(t.db, net.fn, input, t.clock.now());
    await enrolDevice(t.db, net.fn, { ...input, serverUrl: 'https://other.example.go.th' }, t.clock.now());
    expect(net.calls.map((c) => c.auth)).toEqual([null, 'Bearer first', null]);
  });

  it.each([
    [409, 'device_exists', 'ลงทะเบียนกับหน่วยงานไว้แล้ว'],
    [401, 'used_code', 'ถูกใช้ครบจำนวนเครื่องแล้ว'],
    [401, 'revoked_code', 'ถูกยกเลิกแล้ว'],
    [403, 'device_revoked', 'เครื่องนี้ถูกยกเลิกสิทธิ์แล้ว'],
    [429, 'rate_limited', 'กรุณารอ'],
  ])('a %i %s refusal says why in Thai and keeps the settings it had', async (status, error, words) => {
    const t = testDb();
    const before = { url: 'https://ita.example.go.th', token: 'tok', deviceId: 'd1', enrolledAt: '' };
    await saveServerSettings(t.db, before);
    const net = fakeFetch([{ status, body: { error, message: 'x' } }]);
    const enrolling = enrolDevice(
      t.db,
      net.fn,
      { serverUrl: 'https://ita.example.go.th', code: 'K7WQ-M3ZP-XA4E-9T0B', deviceName: 'มือถือ' },
      t.clock.now(),
    );
    await expect(enrolling).rejects.toThrow(EnrolError);
    await expect(enrolling).rejects.toThrow(words);
    expect((await t.db.meta.get('server'))!.value).toEqual(before);
  });

  it('a wrong code gets a Thai message and stores nothing', async () => {
    const t = testDb();
    const net = fakeFetch([{ status: 401, body: { error: 'bad_code' } }]);
    await expect(
      enrolDevice(
        t.db,
        net.fn,
        { serverUrl: 'https://x.go.th', code: 'nope', deviceName: '' },
        t.clock.now(),
      ),
    ).rejects.toThrow(EnrolError);
    expect(await t.db.meta.get('server')).toBeUndefined();
  });
});

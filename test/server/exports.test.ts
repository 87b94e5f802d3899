import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { MAX_EXPORT_BYTES } from '../../src/server/api';
import { MIGRATIONS } from '../../src/server/migrations';
import { createAgency, enrolDevice, get, post, rowCount, upload, type Device } from './client';
import { makeExport } from './exportFixture';
import { describeEachDb } from './harness';

describeEachDb('reporting uploads', (h) => {
  const phone = async () => enrolDevice(h, await createAgency(h));

  it('stores a new export (201) and returns the same document on GET', async () => {
    const device = await phone();
    const doc = makeExport();
    const res = await upload(h, device, doc);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: doc.id, duplicate: false, receivedAt: expect.any(String) });
    const back = await get(h, `/api/v1/exports/${doc.id}`, device);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await back.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('the same upload twice stores one export and answers the second with 200 duplicate', async () => {
    const device = await phone();
    const doc = makeExport();
    expect((await upload(h, device, doc)).status).toBe(201);
    const again = await upload(h, device, doc);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, id: doc.id });
    expect(await rowCount(h, 'exports')).toBe(1);
  });

  it('recognises the same document with its keys in another order and other spacing', async () => {
    const device = await phone();
    const doc = makeExport();
    expect((await upload(h, device, doc)).status).toBe(201);
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    expect((await upload(h, device, JSON.stringify(reordered, null, 2))).status).toBe(200);
    expect(await rowCount(h, 'exports')).toBe(1);
  });

  it('a file carried by hand to another of the agency’s devices is the same export (duplicate)', async () => {
    const agency = await createAgency(h);
    const first = await enrolDevice(h, agency, 'มือถือ');
    const office = await enrolDevice(h, agency, 'คอมพิวเตอร์สำนักงาน');
    const doc = makeExport({ exportedAt: '2023-12-01T09:00:00+07:00' });
    expect((await upload(h, office, doc)).status).toBe(201);
    expect((await upload(h, first, doc)).status).toBe(200);
    const list = (await (await get(h, '/api/v1/exports', first)).json()) as {
      exports: { deviceId: string }[];
    };
    expect(list.exports).toHaveLength(1);
    expect(list.exports[0]!.deviceId).toBe(office.deviceId);
  });

  it('the same id with a different body is a 409 conflict and the first body stays', async () => {
    const device = await phone();
    const doc = makeExport();
    expect((await upload(h, device, doc)).status).toBe(201);
    const changed = { ...doc, exportedAt: '2024-06-01T00:00:00.000Z' };
    const res = await upload(h, device, changed);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'export_conflict', message: expect.any(String) });
    const stored = (await (await get(h, `/api/v1/exports/${doc.id}`, device)).json()) as {
      exportedAt: string;
    };
    expect(stored.exportedAt).toBe(doc.exportedAt);
  });

  it('malformed JSON: 400 with a JSON error, nothing stored', async () => {
    const device = await phone();
    const text = JSON.stringify(makeExport());
    for (const body of [text.slice(0, text.length / 2), '', 'not json', '{"format":']) {
      const res = await upload(h, device, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_json', message: expect.any(String) });
    }
    expect(await rowCount(h, 'exports')).toBe(0);
  });

  it('a schema-invalid document: 422 with the path of the problem, nothing stored', async () => {
    const device = await phone();
    const doc = makeExport() as unknown as { plans: { measures: { title: unknown }[] }[] };
    doc.plans[0]!.measures[0]!.title = 42;
    const res = await upload(h, device, doc);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: 'invalid', path: 'plans.0.measures.0.title' });
    expect(await rowCount(h, 'exports')).toBe(0);
  });

  it.each([
    ['not an export at all', { hello: 'world' }, 'foreign'],
    ['a list', [1, 2, 3], 'foreign'],
    ['a newer format version', { ...makeExport(), version: 2 }, 'newer_version'],
    ['an id that is not a UUID', { ...makeExport(), id: 'abc' }, 'invalid'],
    [
      'text PostgreSQL cannot store (NUL)',
      { ...makeExport(), device: { id: 'p', name: 'a\u0000b' } },
      'invalid',
    ],
  ])('refuses %s with 422, nothing stored', async (_name, body, error) => {
    const device = await phone();
    const res = await upload(h, device, body);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error, message: expect.any(String) });
    expect(await rowCount(h, 'exports')).toBe(0);
  });

  it('an oversized body: 413 with a JSON error, nothing stored', async () => {
    const device = await phone();
    const doc = makeExport();
    const huge = JSON.stringify({ ...doc, padding: 'x'.repeat(MAX_EXPORT_BYTES) });
    const res = await upload(h, device, huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large', message: expect.any(String) });
    expect(await rowCount(h, 'exports')).toBe(0);
  });

  it('an oversized body sent in chunks without a length is cut off too', async () => {
    const device = await phone();
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${h.url}/api/v1/exports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await rowCount(h, 'exports')).toBe(0);
  });

  it('a large export within the limit is stored, and the connection after a 413 still works', async () => {
    const device = await phone();
    expect((await upload(h, device, makeExport({ kb: 900 }))).status).toBe(201);
  });

  it('lists the agency’s exports newest first, in pages with a cursor', async () => {
    const device = await phone();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const doc = makeExport({ kb: 1 });
      ids.push(doc.id);
      expect((await upload(h, device, doc)).status).toBe(201);
    }
    type Page = {
      exports: { id: string; plans: number; deviceId: string; exportedAt: string }[];
      next?: string;
    };
    const first = (await (await get(h, '/api/v1/exports?limit=2', device)).json()) as Page;
    expect(first.exports.map((e) => e.id)).toEqual([ids[4], ids[3]]);
    expect(first.exports[0]).toMatchObject({
      plans: 1,
      deviceId: device.deviceId,
      exportedAt: '2024-05-01T03:00:00.000Z',
      receivedAt: expect.any(String),
    });
    const second = (await (
      await get(h, `/api/v1/exports?limit=2&cursor=${first.next}`, device)
    ).json()) as Page;
    expect(second.exports.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    const third = (await (
      await get(h, `/api/v1/exports?limit=2&cursor=${second.next}`, device)
    ).json()) as Page;
    expect(third.exports.map((e) => e.id)).toEqual([ids[0]]);
    expect(third.next).toBeUndefined();
  });

  it.each(['limit=0', 'limit=1000', 'limit=abc', 'cursor=-1', 'cursor=x'])(
    'refuses a list query with %s (400)',
    async (query) => {
      const device = await phone();
      const res = await get(h, `/api/v1/exports?${query}`, device);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_query' });
    },
  );

  it('20 devices uploading at once lose nothing', async () => {
    const agency = await createAgency(h);
    const devices: Device[] = [];
    for (let i = 0; i < 20; i++) devices.push(await enrolDevice(h, agency, `มือถือ ${i + 1}`));
    const docs = devices.map(() => [makeExport({ kb: 20 }), makeExport({ kb: 20 })]);
    const results = await Promise.all(
      devices.flatMap((device, i) => docs[i]!.map((doc) => upload(h, device, doc).then((r) => r.status))),
    );
    expect(results).toEqual(Array(40).fill(201));
    expect(await rowCount(h, 'exports')).toBe(40);
    const all = new Set<string>();
    let cursor = '';
    for (;;) {
      const page = (await (await get(h, `/api/v1/exports?limit=15${cursor}`, devices[0]!)).json()) as {
        exports: { id: string }[];
        next?: string;
      };
      page.exports.forEach((e) => all.add(e.id));
      if (!page.next) break;
      cursor = `&cursor=${page.next}`;
    }
    expect([...all].sort()).toEqual(
      docs
        .flat()
        .map((d) => d.id)
        .sort(),
    );
  });

  it('the same export retried by several connections at once is stored once', async () => {
    const device = await phone();
    const doc = makeExport({ kb: 20 });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () => upload(h, device, doc).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(await rowCount(h, 'exports')).toBe(1);
  });

  it('data survives a server restart, and migrations are not applied twice', async () => {
    const device = await phone();
    const doc = makeExport();
    expect((await upload(h, device, doc)).status).toBe(201);
    await h.restart();
    const back = await get(h, `/api/v1/exports/${doc.id}`, device);
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    expect((await upload(h, device, doc)).status).toBe(200);
    const { rows } = await h.db.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('the upload path never reads or writes another id than the document’s', async () => {
    const device = await phone();
    const res = await post(h, `/api/v1/exports?id=${randomUUID()}`, makeExport(), {
      authorization: `Bearer ${device.token}`,
    });
    expect(res.status).toBe(201);
    expect(await rowCount(h, 'exports')).toBe(1);
  });
});

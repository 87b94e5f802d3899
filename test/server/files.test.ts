import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_THUMB_BYTES } from '../../src/server/files';
import { bearer, createAgency, enrolDevice, get, type Device } from './client';
import { describeEachDb, type Harness } from './harness';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A JPEG-looking payload: the server checks the declared type and the hash, not the pixels. */
const photo = (size = 50_000) =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(size)]));

function put(
  h: Harness,
  device: Device | null,
  path: string,
  bytes: Uint8Array<ArrayBuffer>,
  type = 'image/jpeg',
) {
  return fetch(`${h.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': type, ...(device ? bearer(device) : {}) },
    body: bytes,
  });
}

async function storedFiles(h: Harness) {
  const { rows } = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM files');
  return rows[0]!.n;
}

describeEachDb('evidence files', (h) => {
  const phone = async () => enrolDevice(h, await createAgency(h));

  it('a file and its thumbnail round-trip with their type and immutable cache headers', async () => {
    const device = await phone();
    const bytes = photo();
    const hash = sha(bytes);
    const created = await put(h, device, `/api/v1/files/${hash}`, bytes);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ sha256: hash, size: bytes.byteLength, duplicate: false });
    const thumb = photo(5_000);
    expect((await put(h, device, `/api/v1/files/${hash}/thumb`, thumb)).status).toBe(201);

    const back = await get(h, `/api/v1/files/${hash}`, device);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/jpeg');
    expect(back.headers.get('cache-control')).toMatch(/immutable/);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
    const small = await get(h, `/api/v1/files/${hash}/thumb`, device);
    expect(new Uint8Array(await small.arrayBuffer())).toEqual(thumb);

    const head = await fetch(`${h.url}/api/v1/files/${hash}`, { method: 'HEAD', headers: bearer(device) });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.byteLength));
    const etag = back.headers.get('etag')!;
    const again = await fetch(`${h.url}/api/v1/files/${hash}`, {
      headers: { ...bearer(device), 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('the same file again (a retry, or another phone of the agency) is stored once', async () => {
    const agency = await createAgency(h);
    const [a, b] = [await enrolDevice(h, agency, 'A'), await enrolDevice(h, agency, 'B')];
    const bytes = new Uint8Array(Buffer.from('%PDF-1.4 รายงานการประชุม'));
    const path = `/api/v1/files/${sha(bytes)}`;
    expect((await put(h, a, path, bytes, 'application/pdf')).status).toBe(201);
    const dup = await put(h, b, path, bytes, 'application/pdf');
    expect(dup.status).toBe(200);
    expect(await dup.json()).toMatchObject({ duplicate: true });
    expect(await storedFiles(h)).toBe(1);
    expect((await get(h, path, b)).headers.get('content-type')).toBe('application/pdf');
  });

  it('bytes that do not match their SHA-256 (a cut-off upload): 422, nothing stored', async () => {
    const device = await phone();
    const bytes = photo();
    const res = await put(h, device, `/api/v1/files/${sha(bytes)}`, bytes.slice(0, 1_000));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: 'hash_mismatch', message: expect.any(String) });
    expect(await storedFiles(h)).toBe(0);
  });

  it('too large: 413 for a file over 10 MB and a thumbnail over 200 KB, nothing stored', async () => {
    const device = await phone();
    const big = photo(MAX_FILE_BYTES + 1);
    const res = await put(h, device, `/api/v1/files/${sha(big)}`, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large' });
    const thumb = photo(MAX_THUMB_BYTES + 1);
    expect((await put(h, device, `/api/v1/files/${sha(big)}/thumb`, thumb)).status).toBe(413);
    expect(await storedFiles(h)).toBe(0);
  });

  it('refuses other types, bad addresses and unauthenticated calls', async () => {
    const device = await phone();
    const bytes = new Uint8Array(Buffer.from('<svg onload="alert(1)"/>'));
    const hash = sha(bytes);
    const svg = await put(h, device, `/api/v1/files/${hash}`, bytes, 'image/svg+xml');
    expect(svg.status).toBe(415);
    expect(await svg.json()).toMatchObject({ error: 'unsupported_type' });
    expect((await put(h, device, '/api/v1/files/not-a-hash', bytes)).status).toBe(404);
    expect((await put(h, null, `/api/v1/files/${hash}`, bytes)).status).toBe(401);
    expect((await get(h, `/api/v1/files/${hash}`, null)).status).toBe(401);
    expect(await storedFiles(h)).toBe(0);
  });

  it('a file missing, or another agency’s, is a 404 with a JSON error', async () => {
    const mine = await phone();
    const theirs = await enrolDevice(h, await createAgency(h, 'หน่วยงานอื่น'), 'อื่น');
    const bytes = photo();
    const hash = sha(bytes);
    expect((await put(h, theirs, `/api/v1/files/${hash}`, bytes)).status).toBe(201);
    for (const path of [
      `/api/v1/files/${hash}`,
      `/api/v1/files/${hash}/thumb`,
      `/api/v1/files/${'0'.repeat(64)}`,
    ]) {
      const res = await get(h, path, mine);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
    }
  });

  it('the agency’s storage quota: 507 once full, nothing stored, other agencies unaffected', async () => {
    const app = await h.extraApp({ filesQuotaBytes: 120_000, rateLimit: { burst: 1_000, perMinute: 1_000 } });
    const agency = await createAgency(h);
    const device = await enrolDevice(h, agency);
    const other = await enrolDevice(h, await createAgency(h, 'หน่วยงานอื่น'), 'อื่น');
    const send = (d: Device, bytes: Uint8Array<ArrayBuffer>) =>
      fetch(`${app.url}/api/v1/files/${sha(bytes)}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', ...bearer(d) },
        body: bytes,
      });
    expect((await send(device, photo(50_000))).status).toBe(201);
    expect((await send(device, photo(50_000))).status).toBe(201);
    const full = await send(device, photo(50_000));
    expect(full.status).toBe(507);
    expect(await full.json()).toMatchObject({ error: 'quota_exceeded', message: expect.any(String) });
    expect(await storedFiles(h)).toBe(2);
    expect((await send(other, photo(50_000))).status).toBe(201);
  });
});

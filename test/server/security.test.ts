import { expect, it } from 'vitest';
import { bearer, createAgency, enrol, enrolDevice, get, post, upload } from './client';
import { makeExport } from './exportFixture';
import { describeEachDb } from './harness';

describeEachDb('limits, origins, headers and logs', (h) => {
  it('health says which database answers, and the version', async () => {
    const res = await fetch(`${h.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: h.kind, version: expect.any(String) });
  });

  it('answers an unknown API path with a JSON 404, and still serves the app', async () => {
    const res = await fetch(`${h.url}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
    const page = await fetch(`${h.url}/plans/some-deep-link`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>ITA Tracker</title>');
  });

  it('rate-limits each device: 429 with Retry-After once its burst is spent, other devices unaffected', async () => {
    const extra = await h.extraApp({ rateLimit: { burst: 3, perMinute: 6 } });
    const agency = await createAgency(h);
    const busy = await enrolDevice(h, agency, 'มือถือ 1');
    const calm = await enrolDevice(h, agency, 'มือถือ 2');
    const call = (d: typeof busy) => fetch(`${extra.url}/api/v1/exports`, { headers: bearer(d) });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(busy)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await call(busy);
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited', message: expect.any(String) });
    expect((await call(calm)).status).toBe(200);
  });

  it('slows down guessing: repeated bad tokens or enrol codes from one address get 429', async () => {
    const extra = await h.extraApp({ failureLimit: { burst: 4, perMinute: 1 } });
    const agency = await createAgency(h);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${extra.url}/api/v1/exports`, { headers: bearer({ token: 'A'.repeat(43) }) });
      statuses.push(res.status);
    }
    const wrongCode = () =>
      fetch(`${extra.url}/api/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'WRONG-CODE', deviceName: 'x' }),
      });
    statuses.push((await wrongCode()).status, (await wrongCode()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Even the right code waits now: the limit is on the address, before the code is looked at.
    const right = await fetch(`${extra.url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: agency.enrolCode, deviceName: 'x' }),
    });
    expect(right.status).toBe(429);
  });

  it('refuses a browser request from a foreign origin (and its preflight), with nothing stored', async () => {
    const device = await enrolDevice(h, await createAgency(h));
    const foreign = { origin: 'https://evil.example' };
    const preflight = await fetch(`${h.url}/api/v1/exports`, {
      method: 'OPTIONS',
      headers: { ...foreign, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const res = await post(h, '/api/v1/exports', makeExport(), { ...foreign, ...bearer(device) });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'origin_not_allowed' });
    const list = (await (await get(h, '/api/v1/exports', device)).json()) as { exports: unknown[] };
    expect(list.exports).toHaveLength(0);
  });

  it('accepts the app’s own origin, and an origin listed in CORS_ORIGIN with CORS headers', async () => {
    const device = await enrolDevice(h, await createAgency(h));
    const own = await fetch(`${h.url}/api/v1/exports`, { headers: { origin: h.url, ...bearer(device) } });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();

    const extra = await h.extraApp({ corsOrigins: ['https://app.example.go.th'] });
    const preflight = await fetch(`${extra.url}/api/v1/exports`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.go.th',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.go.th');
    const listed = await fetch(`${extra.url}/api/v1/exports`, {
      headers: { origin: 'https://app.example.go.th', ...bearer(device) },
    });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example.go.th');
  });

  it('sets security headers on API answers and the app, and API answers are never cached', async () => {
    for (const path of ['/api/health', '/api/v1/exports', '/']) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toBeTruthy();
      if (path.startsWith('/api')) expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('logs one JSON line per request with agency and device, never a token, code, name or query', async () => {
    const agency = await createAgency(h, 'หน่วยงานลับ');
    const device = await enrolDevice(h, agency, 'มือถือของนายสมชาย');
    const doc = makeExport();
    expect((await upload(h, device, doc)).status).toBe(201);
    await get(h, '/api/v1/exports?limit=5', device);
    await fetch(`${h.url}/enrol?code=${agency.enrolCode}`);
    await enrol(h, { code: 'WRONG-WRONG', deviceName: 'ชื่อคนอื่น' });
    const text = JSON.stringify(h.logs);
    for (const secret of [
      device.token,
      agency.enrolCode,
      'WRONG',
      'สมชาย',
      'หน่วยงานลับ',
      'ชื่อคนอื่น',
      'limit=',
    ]) {
      expect(text).not.toContain(secret);
    }
    const upl = h.logs.find((l) => l.method === 'POST' && l.path === '/api/v1/exports');
    expect(upl).toMatchObject({
      level: 'info',
      status: 201,
      agency: agency.agencyId,
      device: device.deviceId,
      ms: expect.any(Number),
    });
    expect(h.logs.find((l) => l.path === '/enrol')).toMatchObject({ method: 'GET', status: 200 });
    expect(h.logs.findLast((l) => l.path === '/api/v1/enrol')).toMatchObject({ status: 401, level: 'warn' });
  });

  it('the admin endpoint answers 404 without the lock file’s secret, with a wrong one, or through a proxy', async () => {
    const agencies = () => h.db.query('SELECT 1 FROM agencies');
    const attempts: Record<string, string>[] = [
      {},
      { 'x-admin-secret': 'guess' },
      { 'x-admin-secret': 'guess', 'x-forwarded-for': '203.0.113.9' },
    ];
    for (const headers of attempts) {
      const res = await post(h, '/api/admin/create', { args: ['หน่วยงานปลอม'] }, headers);
      expect(res.status).toBe(404);
    }
    expect((await agencies()).rows).toHaveLength(0);
  });

  it('refuses an oversized enrolment body with 413', async () => {
    const res = await enrol(h, { code: 'x', deviceName: 'y'.repeat(100_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large' });
  });
});

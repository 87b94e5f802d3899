/**
 * Issue 15: who gets locked out, and who can get in. A failing phone must not
 * lock out the valid phones behind the same address (one office NAT); a
 * revoked device or a withdrawn code must end access; an enrolled device id
 * cannot be taken over with the agency's code; guessing codes is slow for
 * everyone while enrolled devices keep syncing.
 */
import { expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin';
import { bearer, createAgency, enrolDevice, type Device } from './client';
import { describeEachDb } from './harness';

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

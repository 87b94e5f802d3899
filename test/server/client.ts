/** Small API client helpers for the server tests: everything goes over HTTP like a phone's requests. */
import { runAdmin } from '../../src/server/admin';
import type { Harness } from './harness';

export interface Agency {
  agencyId: string;
  name: string;
  codeId: string;
  enrolCode: string;
  enrolUrl: string;
  expiresAt: string;
  uses: number;
}

export interface Device {
  agencyId: string;
  deviceId: string;
  token: string;
}

/**
 * An agency made the way `npm run agency -- create` makes one. Its code
 * enrols `uses` devices (as `--uses N` for a room of phones), so tests can
 * enrol several phones with it; a real one enrols 1 unless told.
 */
export async function createAgency(h: Harness, name = 'เทศบาลตำบลทดสอบ', uses = 100): Promise<Agency> {
  const r = await runAdmin(h.db, 'create', [name, '--uses', String(uses)], {
    publicUrl: 'http://localhost:8080',
  });
  if (!r.ok) throw new Error(r.message);
  return r.result as Agency;
}

export function post(h: Harness, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${h.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function enrol(h: Harness, body: unknown) {
  return post(h, '/api/v1/enrol', body);
}

export async function enrolDevice(h: Harness, agency: Agency, deviceName = 'มือถืองานแผน', deviceId?: string) {
  const res = await enrol(h, { code: agency.enrolCode, deviceName, ...(deviceId ? { deviceId } : {}) });
  if (res.status !== 201) throw new Error(`enrol answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { deviceId: string; token: string };
  return { agencyId: agency.agencyId, ...body } satisfies Device;
}

export const bearer = (device: Pick<Device, 'token'>) => ({ authorization: `Bearer ${device.token}` });

/** Enrols `deviceId` again with `agency`'s code, asking with `asDevice`'s token. */
export function reenrol(
  h: Harness,
  agency: Agency,
  deviceId: string,
  deviceName: string,
  asDevice: Pick<Device, 'token'>,
) {
  return post(h, '/api/v1/enrol', { code: agency.enrolCode, deviceName, deviceId }, bearer(asDevice));
}

export function upload(h: Harness, device: Pick<Device, 'token'> | null, body: unknown) {
  return post(h, '/api/v1/exports', body, device ? bearer(device) : {});
}

export function get(h: Harness, path: string, device: Pick<Device, 'token'> | null) {
  return fetch(`${h.url}${path}`, { headers: device ? bearer(device) : {} });
}

export async function rowCount(h: Harness, table: 'exports' | 'devices' | 'agencies' | 'enrol_codes') {
  const { rows } = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

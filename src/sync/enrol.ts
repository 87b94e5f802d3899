/**
 * Enrolling this device with the agency's server: the code from
 * `npm run agency -- create` (or its QR link) buys a device token. The
 * device keeps the id it made for itself, so what it wrote offline before
 * enrolling stays attributed to it.
 */
import type { ItaDatabase } from '../db/schema';
import { v7 as uuidv7 } from 'uuid';
import { ensureDevice } from '../db/device';
import { saveServerSettings, type ServerSettings } from './serverSettings';

export class EnrolError extends Error {}

export function normaliseServerUrl(input: string): string {
  const raw = input.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new EnrolError('ที่อยู่เซิร์ฟเวอร์ไม่ถูกต้อง เช่น https://ita.example.go.th');
  }
  if (!/^https?:$/.test(url.protocol)) throw new EnrolError('ที่อยู่เซิร์ฟเวอร์ต้องขึ้นต้นด้วย https://');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export async function enrolDevice(
  db: ItaDatabase,
  fetchFn: typeof fetch,
  input: { serverUrl: string; code: string; deviceName: string },
  now: Date,
): Promise<ServerSettings> {
  const url = normaliseServerUrl(input.serverUrl);
  const code = input.code.trim();
  if (code === '') throw new EnrolError('กรุณาใส่รหัสลงทะเบียน');
  // The device's own id goes with the enrolment, made now if it never wrote
  // anything yet: its ops must carry the id the server knows it by.
  const device = await db.transaction('rw', db.meta, () => ensureDevice(db, () => uuidv7()));
  let res: Response;
  try {
    res = await fetchFn(`${url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        deviceName: input.deviceName.trim() || 'อุปกรณ์ไม่มีชื่อ',
        deviceId: device.deviceId,
      }),
    });
  } catch {
    throw new EnrolError('ติดต่อเซิร์ฟเวอร์ไม่ได้ ตรวจสอบที่อยู่และสัญญาณอินเทอร์เน็ต แล้วลองใหม่');
  }
  if (res.status === 400 || res.status === 401 || res.status === 404) {
    throw new EnrolError('รหัสลงทะเบียนไม่ถูกต้องหรือหมดอายุ ขอรหัสใหม่จากผู้ดูแลระบบของหน่วยงาน');
  }
  if (!res.ok) throw new EnrolError(`เซิร์ฟเวอร์ขัดข้อง (${res.status}) กรุณาลองใหม่ภายหลัง`);
  const body = (await res.json()) as { deviceId?: unknown; token?: unknown };
  if (typeof body.deviceId !== 'string' || typeof body.token !== 'string') {
    throw new EnrolError('เซิร์ฟเวอร์ตอบกลับไม่ถูกต้อง ที่อยู่นี้อาจไม่ใช่เซิร์ฟเวอร์ของแอป');
  }
  const settings: ServerSettings = {
    url,
    token: body.token,
    deviceId: body.deviceId,
    enrolledAt: now.toISOString(),
  };
  await saveServerSettings(db, settings);
  return settings;
}

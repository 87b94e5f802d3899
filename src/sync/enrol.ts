/**
 * Enrolling this device with the agency's server: the code from
 * `npm run agency -- create` (or its QR link) buys a device token. The
 * device keeps the id it made for itself, so what it wrote offline before
 * enrolling stays attributed to it.
 */
import type { ItaDatabase } from '../db/schema';
import { v7 as uuidv7 } from 'uuid';
import { ensureDevice } from '../db/device';
import { readServerSettings, saveServerSettings, type ServerSettings } from './serverSettings';

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
  // Enrolling again with the same server: the current token proves this is the
  // device the server knows by this id (without it the server refuses the id,
  // so a code alone cannot take over a phone). Never sent to another server.
  const current = await readServerSettings(db);
  const sameDevice = current !== null && current.url === url && current.deviceId === device.deviceId;
  const nonce = await attemptNonce(db, url, device.deviceId);
  let res: Response;
  try {
    res = await fetchFn(`${url}/api/v1/enrol`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(sameDevice ? { authorization: `Bearer ${current.token}` } : {}),
      },
      body: JSON.stringify({
        code,
        deviceName: input.deviceName.trim() || 'อุปกรณ์ไม่มีชื่อ',
        deviceId: device.deviceId,
        enrolNonce: nonce,
      }),
    });
  } catch {
    throw new EnrolError('ติดต่อเซิร์ฟเวอร์ไม่ได้ ตรวจสอบที่อยู่และสัญญาณอินเทอร์เน็ต แล้วลองใหม่');
  }
  if (!res.ok) throw new EnrolError(await refusal(res));
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
  await db.transaction('rw', db.meta, async () => {
    await saveServerSettings(db, settings);
    await db.meta.delete(ATTEMPT_KEY);
  });
  return settings;
}

const ATTEMPT_KEY = 'enrolAttempt';

/**
 * A random nonce for this enrolment, kept until it succeeds: when the
 * server's answer is lost (the phone went offline mid-request), the retry
 * sends the same nonce, and the server, which already enrolled this id,
 * knows it is the same phone and gives it a token instead of refusing the id.
 */
async function attemptNonce(db: ItaDatabase, url: string, deviceId: string): Promise<string> {
  const kept = (await db.meta.get(ATTEMPT_KEY))?.value as
    { url: string; deviceId: string; nonce: string } | undefined;
  if (kept && kept.url === url && kept.deviceId === deviceId) return kept.nonce;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const nonce = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  await db.meta.put({ key: ATTEMPT_KEY, value: { url, deviceId, nonce } });
  return nonce;
}

/** What to tell the person when the server refuses the enrolment. */
async function refusal(res: Response): Promise<string> {
  let error = '';
  try {
    error = String(((await res.json()) as { error?: unknown }).error ?? '');
  } catch {
    // not JSON: judged by the status alone
  }
  const askAdmin = 'ขอรหัสใหม่จากผู้ดูแลระบบของหน่วยงาน';
  if (error === 'expired_code') return `รหัสลงทะเบียนหมดอายุแล้ว ${askAdmin}`;
  if (error === 'used_code') {
    return `รหัสลงทะเบียนนี้ถูกใช้ครบจำนวนเครื่องแล้ว (รหัสหนึ่งใช้ได้กับเครื่องเดียว เว้นแต่ขอรหัสสำหรับหลายเครื่อง) ${askAdmin}`;
  }
  if (error === 'revoked_code') return `รหัสลงทะเบียนนี้ถูกยกเลิกแล้ว ${askAdmin}`;
  if (res.status === 403) return 'เครื่องนี้ถูกยกเลิกสิทธิ์แล้ว ลงทะเบียนใหม่ไม่ได้ กรุณาติดต่อผู้ดูแลระบบของหน่วยงาน';
  if (res.status === 409) {
    return 'รหัสเครื่องนี้ลงทะเบียนกับหน่วยงานไว้แล้ว แต่เครื่องนี้ไม่มีโทเคนเดิมที่ใช้ได้ จึงลงทะเบียนซ้ำไม่ได้ (เพื่อไม่ให้ใครสวมรอยเป็นเครื่องอื่น) กรุณาติดต่อผู้ดูแลระบบของหน่วยงาน';
  }
  if (res.status === 429) {
    const wait = Number(res.headers.get('retry-after'));
    return `มีการลองรหัสลงทะเบียนผิดหลายครั้ง เซิร์ฟเวอร์จึงหยุดรับชั่วคราว กรุณารอ${wait > 0 ? ` ${wait} วินาที` : 'สักครู่'}แล้วลองใหม่`;
  }
  if (res.status === 400 || res.status === 401 || res.status === 404) {
    return `รหัสลงทะเบียนไม่ถูกต้องหรือหมดอายุ ${askAdmin}`;
  }
  return `เซิร์ฟเวอร์ขัดข้อง (${res.status}) กรุณาลองใหม่ภายหลัง`;
}

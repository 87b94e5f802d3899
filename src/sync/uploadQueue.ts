/**
 * The upload queue: an export waits in IndexedDB and is sent to the agency's
 * server when the device is online, with exponential backoff. The server
 * stores an export once by its id, so a retry after a cut connection (or a
 * server restart mid-upload) never duplicates it. Errors are kept in words a
 * person understands.
 */
import type { ItaDatabase, UploadRow } from '../db/schema';
import { readServerSettings, saveUploadStatus } from './serverSettings';

export interface UploaderDeps {
  fetch: typeof fetch;
  now: () => Date;
  /** 0..1, for backoff jitter. */
  random: () => number;
}

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min … capped at an hour, with ±20 % jitter so phones don't retry in step. */
export function backoffDelay(attempts: number, random: number): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}

export type SendOutcome =
  | { kind: 'not_enrolled' }
  | { kind: 'offline' }
  | { kind: 'done'; sent: number; failed: number; waiting: number };

type Attempt =
  | { result: 'sent' }
  | { result: 'failed'; message: string }
  | { result: 'retry'; message: string }
  | { result: 'stop'; message: string };

async function errorMessage(res: Response): Promise<string | null> {
  try {
    const body = (await res.json()) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : null;
  } catch {
    return null;
  }
}

async function sendOne(deps: UploaderDeps, url: string, token: string, row: UploadRow): Promise<Attempt> {
  let res: Response;
  try {
    res = await deps.fetch(`${url.replace(/\/$/, '')}/api/v1/exports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: row.body,
    });
  } catch {
    return { result: 'retry', message: 'ติดต่อเซิร์ฟเวอร์ไม่ได้ (ไม่มีสัญญาณหรือเซิร์ฟเวอร์ปิดอยู่) จะลองส่งใหม่อัตโนมัติ' };
  }
  if (res.status === 201 || res.status === 200) return { result: 'sent' };
  const detail = await errorMessage(res);
  if (res.status === 401 || res.status === 403) {
    return {
      result: 'stop',
      message: 'เซิร์ฟเวอร์ไม่รับอุปกรณ์นี้ (ยังไม่ลงทะเบียนหรือถูกยกเลิกสิทธิ์) กรุณาลงทะเบียนใหม่ในหน้าตั้งค่า',
    };
  }
  if (res.status === 409) {
    return { result: 'failed', message: 'เซิร์ฟเวอร์มีไฟล์ส่งออกรหัสเดียวกันแต่เนื้อหาต่างกัน ไฟล์นี้จึงไม่ถูกส่ง กรุณาส่งออกใหม่' };
  }
  if (res.status === 400 || res.status === 413 || res.status === 415 || res.status === 422) {
    return { result: 'failed', message: `เซิร์ฟเวอร์ไม่รับไฟล์นี้${detail ? `: ${detail}` : ''}` };
  }
  if (res.status === 429) return { result: 'retry', message: 'ส่งถี่เกินไป จะลองส่งใหม่ภายหลัง' };
  return { result: 'retry', message: `เซิร์ฟเวอร์ขัดข้องชั่วคราว (${res.status}) จะลองส่งใหม่อัตโนมัติ` };
}

export function makeUploader(db: ItaDatabase, deps: UploaderDeps) {
  let running: Promise<SendOutcome> | null = null;

  async function run(force: boolean): Promise<SendOutcome> {
    const server = await readServerSettings(db);
    if (!server) return { kind: 'not_enrolled' };
    const now = deps.now();
    const due = (await db.uploads.where('status').equals('waiting').sortBy('createdAt')).filter(
      (u) => force || u.nextAttemptAt <= now.getTime(),
    );
    let sent = 0;
    let failed = 0;
    for (const row of due) {
      const attempt = await sendOne(deps, server.url, server.token, row);
      const at = deps.now().toISOString();
      if (attempt.result === 'sent') {
        await db.uploads.update(row.id, {
          status: 'sent',
          sentAt: at,
          lastError: null,
          attempts: row.attempts + 1,
        });
        await saveUploadStatus(db, { lastSuccessAt: at, lastAttemptAt: at, lastError: null });
        sent++;
        continue;
      }
      await saveUploadStatus(db, { lastAttemptAt: at, lastError: attempt.message });
      if (attempt.result === 'failed') {
        await db.uploads.update(row.id, {
          status: 'failed',
          lastError: attempt.message,
          attempts: row.attempts + 1,
        });
        failed++;
        continue;
      }
      const attempts = row.attempts + 1;
      await db.uploads.update(row.id, {
        attempts,
        lastError: attempt.message,
        nextAttemptAt: deps.now().getTime() + backoffDelay(attempts, deps.random()),
      });
      // Offline, down or refusing this device: the others would fare the same.
      break;
    }
    const waiting = await db.uploads.where('status').equals('waiting').count();
    return { kind: 'done', sent, failed, waiting };
  }

  return {
    /** Puts an export in the queue; it is sent at the next chance. */
    async enqueue(id: string, label: string, body: string): Promise<void> {
      await db.uploads.put({
        id,
        createdAt: deps.now().toISOString(),
        label,
        body,
        status: 'waiting',
        attempts: 0,
        nextAttemptAt: 0,
        lastError: null,
        sentAt: null,
      });
    },

    /** Sends what is due (or everything waiting, with `force`); one run at a time. */
    send(force = false): Promise<SendOutcome> {
      running ??= run(force).finally(() => {
        running = null;
      });
      return running;
    },

    /** Epoch ms of the next retry, or null when nothing waits. */
    async nextDue(): Promise<number | null> {
      const waiting = await db.uploads.where('status').equals('waiting').toArray();
      return waiting.length === 0 ? null : Math.min(...waiting.map((u) => u.nextAttemptAt));
    },
  };
}

export type Uploader = ReturnType<typeof makeUploader>;

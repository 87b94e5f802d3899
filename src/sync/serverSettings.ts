/**
 * Where this device sends its exports and the token it enrolled with. Kept
 * on the device only (meta table), never exported.
 */
import type { ItaDatabase } from '../db/schema';

export interface ServerSettings {
  /** Base URL of the agency's server, e.g. https://ita.example.go.th */
  url: string;
  token: string;
  deviceId: string;
  enrolledAt: string;
}

export interface UploadStatus {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

const SERVER_KEY = 'server';
const STATUS_KEY = 'uploadStatus';

export async function readServerSettings(db: ItaDatabase): Promise<ServerSettings | null> {
  return ((await db.meta.get(SERVER_KEY))?.value as ServerSettings | undefined) ?? null;
}

export async function saveServerSettings(db: ItaDatabase, settings: ServerSettings | null): Promise<void> {
  if (settings) await db.meta.put({ key: SERVER_KEY, value: settings });
  else await db.meta.delete(SERVER_KEY);
}

export async function readUploadStatus(db: ItaDatabase): Promise<UploadStatus> {
  return (
    ((await db.meta.get(STATUS_KEY))?.value as UploadStatus | undefined) ?? {
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
    }
  );
}

export async function saveUploadStatus(db: ItaDatabase, patch: Partial<UploadStatus>): Promise<void> {
  const current = await readUploadStatus(db);
  await db.meta.put({ key: STATUS_KEY, value: { ...current, ...patch } });
}

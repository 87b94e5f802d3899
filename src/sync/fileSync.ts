/**
 * Evidence bytes between phones (sync.md): content-addressed by SHA-256,
 * uploaded after the records that mention them (a record never waits for its
 * photo), and fetched by other phones on demand, thumbnail first.
 */
import type { ItaDatabase } from '../db/schema';
import { readServerSettings, type ServerSettings } from './serverSettings';

const UPLOADED_KEY = 'uploadedFiles';

async function uploaded(db: ItaDatabase): Promise<Set<string>> {
  return new Set(((await db.meta.get(UPLOADED_KEY))?.value as string[] | undefined) ?? []);
}

/** Uploads the bytes (and thumbnails) of local files the server has not had from us; returns how many. */
export async function uploadFiles(
  db: ItaDatabase,
  fetchFn: typeof fetch,
  server: ServerSettings,
): Promise<number> {
  const done = await uploaded(db);
  const pending = (await db.files.toCollection().primaryKeys()).filter((sha) => !done.has(sha));
  let count = 0;
  for (const sha of pending) {
    const row = await db.files.get(sha);
    if (!row) continue;
    const put = (path: string, blob: Blob, type: string) =>
      fetchFn(`${server.url}/api/v1/files/${sha}${path}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': type },
        body: blob,
      });
    const res = await put('', row.blob, row.type);
    if (!res.ok) break; // offline, full or refused: try again next sync
    if (row.thumb) await put('/thumb', row.thumb, 'image/jpeg');
    done.add(sha);
    await db.meta.put({ key: UPLOADED_KEY, value: [...done] });
    count++;
  }
  return count;
}

export type FetchedFile = 'fetched' | 'not_enrolled' | 'unavailable';

/**
 * Fetches a file another phone attached, with its thumbnail. Nothing is
 * stored unless the bytes match their hash.
 */
export async function fetchFile(
  db: ItaDatabase,
  fetchFn: typeof fetch,
  sha256: string,
  digest: (blob: Blob) => Promise<string>,
  now: Date,
): Promise<FetchedFile> {
  const server = await readServerSettings(db);
  if (!server) return 'not_enrolled';
  const get = async (path: string) => {
    try {
      const res = await fetchFn(`${server.url}/api/v1/files/${sha256}${path}`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      return res.ok ? await res.blob() : null;
    } catch {
      return null;
    }
  };
  const thumb = await get('/thumb');
  const full = await get('');
  if (!full || (await digest(full)) !== sha256) return 'unavailable';
  await db.files.put({
    sha256,
    blob: full,
    thumb,
    type: full.type || 'application/octet-stream',
    size: full.size,
    createdAt: now.toISOString(),
  });
  const done = await uploaded(db);
  done.add(sha256);
  await db.meta.put({ key: UPLOADED_KEY, value: [...done] });
  return 'fetched';
}

/**
 * The app's upload queue and enrolment, bound to the one database and the
 * real network. Loaded after the first screen (see Layout).
 */
import { useEffect, useState } from 'preact/hooks';
import { openConflicts } from '../db/conflictQueries';
import { db } from '../db/db';
import { pendingChanges } from '../db/queries';
import { enrolDevice } from '../sync/enrol';
import { readServerSettings, readUploadStatus, saveServerSettings } from '../sync/serverSettings';
import { makeSync, readSyncState, type PullProgress } from '../sync/syncClient';
import { startSyncTriggers } from '../sync/syncTriggers';
import { makeUploader } from '../sync/uploadQueue';
import { requestBackgroundSync, startUploadTriggers } from '../sync/uploadTriggers';
import { useLiveQuery } from './useLiveQuery';

export const uploader = makeUploader(db, {
  fetch: (...args) => fetch(...args),
  now: () => new Date(),
  random: Math.random,
});

export const syncer = makeSync(db, { fetch: (...args) => fetch(...args), now: () => new Date() });

let stop: (() => void) | null = null;
/** Starts the upload queue's and two-way sync's triggers, once. */
export function startUploads(): void {
  if (stop) return;
  const stopUploads = startUploadTriggers(uploader);
  const stopSync = startSyncTriggers(db, syncer);
  stop = () => {
    stopUploads();
    stopSync();
  };
}

export function useSyncState() {
  return useLiveQuery(async () => {
    const [state, server, waiting, conflicts] = await Promise.all([
      readSyncState(db),
      readServerSettings(db),
      // Two index counts, not a read of every change this device ever made.
      pendingChanges(db),
      openConflicts(db),
    ]);
    return { state, enrolled: server !== null, waiting, conflicts };
  }, []);
}

export async function queueExport(id: string, label: string, body: string): Promise<void> {
  await uploader.enqueue(id, label, body);
  await requestBackgroundSync();
  if (navigator.onLine) void uploader.send();
}

export const enrol = (input: { serverUrl: string; code: string; deviceName: string }) =>
  enrolDevice(db, fetch, input, new Date());

export const forgetServer = () => saveServerSettings(db, null);

export function useUploadState() {
  return useLiveQuery(async () => {
    const [server, status, uploads] = await Promise.all([
      readServerSettings(db),
      readUploadStatus(db),
      db.uploads.orderBy('createdAt').reverse().limit(20).toArray(),
    ]);
    const waiting = await db.uploads.where('status').equals('waiting').count();
    return {
      server: server && { url: server.url, deviceId: server.deviceId, enrolledAt: server.enrolledAt },
      status,
      waiting,
      recent: uploads.map(({ body: _body, ...rest }) => rest),
    };
  }, []);
}

/** How far the running pull has come (a new phone's first sync can take a while), or null. */
export function usePullProgress(): PullProgress | null {
  const [progress, setProgress] = useState<PullProgress | null>(null);
  useEffect(() => syncer.onPullProgress(setProgress), []);
  return progress;
}

/**
 * The IndexedDB schema. Every `version()` lives here with its `upgrade()`;
 * each bump ships with a migration test (test/unit/db/migrations.test.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ChangeOp } from '../domain/changeLog';
import type { SyncConflict } from '../domain/syncProtocol';
import type { Action, Evidence, Measure, Meeting, Plan, Progress, QuarterlyRecord } from '../domain/types';

/** The bytes of a photo or file, stored once per content (sha256). */
export interface FileRow {
  sha256: string;
  blob: Blob;
  /** A small JPEG for lists, for photos. */
  thumb: Blob | null;
  type: string;
  size: number;
  createdAt: string;
}

/** An export waiting for (or done with) its upload to the agency's server. */
export interface UploadRow {
  /** The export's id: the server stores it once. */
  id: string;
  createdAt: string;
  /** What it covers, for people: e.g. the agency and fiscal year. */
  label: string;
  /** The export document as JSON text, sent as it is on every try. */
  body: string;
  status: 'waiting' | 'sent' | 'failed';
  attempts: number;
  /** Epoch ms before which it is not retried (backoff). */
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: string | null;
}

/** Device-local settings and counters, one row per key. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'ita-tracker';

/** Index lists of version 1, kept as data so migration tests can open exactly this version. */
export const SCHEMA_V1 = {
  plans: 'id, fiscalYear, updatedAt',
  measures: 'id, planId',
  actions: 'id, measureId, planId',
  progress: 'id, actionId, measureId, planId, date, meetingId',
  meetings: 'id, planId, date',
  quarterlyRecords: 'id, planId, measureId, [measureId+fiscalYear+quarter]',
  evidence: 'id, planId, [targetTable+targetId], sha256',
  // Bytes of photos and files, content-addressed; evidence records point here.
  files: 'sha256',
  // Exports waiting to be uploaded to the agency's server (sync/uploadQueue.ts).
  uploads: 'id, status, createdAt',
  // Fields where two phones changed the same value concurrently: the loser, kept for a person.
  conflicts: 'id, [table+recordId], resolvedAt',
  // The change log is the audit trail and the sync outbox (sync.md).
  outbox: 'opId, &deviceSeq, [table+id], at, sentAt',
  meta: 'key',
} as const;

/**
 * Version 2 drops the `date` index of `progress`: no query reads ticks by
 * date (they are read by plan, measure, action or meeting, and dated in
 * memory), and every index costs each of the tens of thousands of ticks a
 * first sync writes (about a seventh of the IndexedDB time of a 50,000-change
 * pull). Dexie removes the index on upgrade; the rows stay as they are.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  progress: 'id, actionId, measureId, planId, meetingId',
} as const;

export class ItaDatabase extends Dexie {
  plans!: EntityTable<Plan, 'id'>;
  measures!: EntityTable<Measure, 'id'>;
  actions!: EntityTable<Action, 'id'>;
  progress!: EntityTable<Progress, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  quarterlyRecords!: EntityTable<QuarterlyRecord, 'id'>;
  evidence!: EntityTable<Evidence, 'id'>;
  files!: EntityTable<FileRow, 'sha256'>;
  uploads!: EntityTable<UploadRow, 'id'>;
  conflicts!: EntityTable<SyncConflict, 'id'>;
  outbox!: EntityTable<ChangeOp, 'opId'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
  }
}

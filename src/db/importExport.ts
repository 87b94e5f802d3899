/**
 * Importing an export file: a preview of what would change, then a merge by
 * id in ONE transaction. Each field keeps the value with the higher HLC stamp
 * (mergeRecord), so importing the same file twice changes nothing and an older
 * file never overwrites newer work; deletes travel as deletedAt. Photos'
 * bytes come from the companion archive, already checked against their hash.
 */
import { mergeRecord, type Stamped } from '../domain/mergeRecord';
import type { ValidExportDocument } from '../domain/exportSchema';
import { SYNC_TABLES } from '../domain/syncProtocol';
import type { TableName } from '../domain/types';
import type { ItaDatabase } from './schema';
import { write, type MergedItem, type WriteDeps } from './writer';

type RecordTable = Exclude<TableName, never>;

/** The document's records, flat, per table (nested measures and actions get their parents' ids). */
export function flattenExport(doc: ValidExportDocument): Record<RecordTable, Stamped[]> {
  const plans: Stamped[] = [];
  const measures: Stamped[] = [];
  const actions: Stamped[] = [];
  for (const p of doc.plans) {
    const { measures: ms, ...plan } = p;
    plans.push(plan as Stamped);
    for (const m of ms) {
      const { actions: as, ...measure } = m;
      measures.push({ ...measure, planId: p.id } as Stamped);
      for (const a of as) actions.push({ ...a, planId: p.id, measureId: m.id } as Stamped);
    }
  }
  return {
    plans,
    measures,
    actions,
    progress: (doc.progress ?? []) as Stamped[],
    meetings: (doc.meetings ?? []) as Stamped[],
    quarterlyRecords: (doc.quarterlyRecords ?? []) as Stamped[],
    evidence: (doc.evidence ?? []) as Stamped[],
  };
}

export interface TableSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Records where the file's values were older than this device's, kept as they are here. */
  keptNewer: number;
}

export type ImportPreview = Record<RecordTable, TableSummary>;

const TABLES: readonly RecordTable[] = SYNC_TABLES;

/** Fills fields a parser-made record lacks, as a new local record would have them. */
function complete(row: Stamped): Stamped {
  return { deletedAt: null, ...row };
}

async function mergeAll(db: ItaDatabase, flat: Record<RecordTable, Stamped[]>) {
  const out = [] as {
    table: RecordTable;
    merged: ReturnType<typeof mergeRecord<Stamped>>;
    previous: Stamped | undefined;
  }[];
  for (const table of TABLES) {
    const rows = flat[table];
    // Read only the records that exist: on a fresh device (or a big new file)
    // most ids are new, and reading keys is far cheaper than bulkGet of misses.
    const keys = new Set((await db.table(table).toCollection().primaryKeys()) as string[]);
    const present = rows.filter((r) => keys.has(r.id));
    const found = new Map(
      ((await db.table(table).bulkGet(present.map((r) => r.id))) as (Stamped | undefined)[]).map((r, i) => [
        present[i]!.id,
        r,
      ]),
    );
    const existing = rows.map((r) => found.get(r.id));
    rows.forEach((row, i) => {
      const previous = existing[i];
      out.push({ table, merged: mergeRecord(previous, complete(row)), previous });
    });
  }
  return out;
}

export async function previewImport(db: ItaDatabase, doc: ValidExportDocument): Promise<ImportPreview> {
  const preview = Object.fromEntries(
    TABLES.map((t) => [t, { added: 0, updated: 0, unchanged: 0, keptNewer: 0 }]),
  ) as ImportPreview;
  for (const { table, merged } of await mergeAll(db, flattenExport(doc))) {
    const s = preview[table];
    if (merged.isNew) s.added++;
    else if (merged.changed.length > 0) s.updated++;
    else s.unchanged++;
    if (merged.keptLocal.length > 0) s.keptNewer++;
  }
  return preview;
}

export interface ImportResult {
  preview: ImportPreview;
  filesAdded: number;
}

export async function applyImport(
  db: ItaDatabase,
  deps: WriteDeps,
  doc: ValidExportDocument,
  files: Map<string, Blob> = new Map(),
): Promise<ImportResult> {
  const flat = flattenExport(doc);
  return write(db, deps, [...TABLES, 'files'], async (w) => {
    const preview = Object.fromEntries(
      TABLES.map((t) => [t, { added: 0, updated: 0, unchanged: 0, keptNewer: 0 }]),
    ) as ImportPreview;
    const batches = new Map<RecordTable, MergedItem[]>();
    for (const { table, merged, previous } of await mergeAll(db, flat)) {
      const s = preview[table];
      if (merged.keptLocal.length > 0) s.keptNewer++;
      if (merged.record === previous) {
        s.unchanged++;
        continue;
      }
      if (merged.isNew) s.added++;
      else if (merged.changed.length > 0) s.updated++;
      else s.unchanged++;
      const batch = batches.get(table) ?? [];
      batch.push({
        row: merged.record as MergedItem['row'],
        changed: merged.changed,
        previous: previous as MergedItem['previous'],
      });
      batches.set(table, batch);
    }
    for (const [table, items] of batches) await w.putMergedBatch(table, items, doc.id);
    let filesAdded = 0;
    for (const e of flat.evidence) {
      const sha = e.sha256 as string | null;
      const blob = sha ? files.get(sha) : undefined;
      if (!sha || !blob || (await db.files.get(sha))) continue;
      await db.files.add({
        sha256: sha,
        blob,
        thumb: null,
        type: (e.mimeType as string | null) ?? blob.type,
        size: blob.size,
        createdAt: w.now.toISOString(),
      });
      filesAdded++;
    }
    return { preview, filesAdded };
  });
}

/** Open sync conflicts with the records that say what they are about (src/domain/conflictView.ts). */
import type { ConflictRecords } from '../domain/conflictView';
import type { SyncConflict } from '../domain/syncProtocol';
import type { ItaDatabase } from './schema';

export interface OpenConflict {
  conflict: SyncConflict;
  records: ConflictRecords;
}

type Fields = Record<string, unknown>;

/** Conflicts still waiting for a person, oldest first, each with its record (and its measure or action). */
export async function openConflicts(db: ItaDatabase): Promise<OpenConflict[]> {
  const open = await db.conflicts.filter((c) => c.resolvedAt === null).toArray();
  open.sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
  );
  return Promise.all(
    open.map(async (conflict) => {
      const record = (await db.table(conflict.table).get(conflict.recordId)) as Fields | undefined;
      const action =
        record && conflict.table === 'progress'
          ? ((await db.actions.get(String(record.actionId))) as Fields | undefined)
          : undefined;
      const measureId =
        conflict.table === 'quarterlyRecords' || conflict.table === 'actions'
          ? record?.measureId
          : action?.measureId;
      const measure =
        typeof measureId === 'string'
          ? ((await db.measures.get(measureId)) as Fields | undefined)
          : undefined;
      return { conflict, records: { record, measure, action } };
    }),
  );
}

/** How many conflicts of one record wait for a person. */
export function openConflictCount(
  db: ItaDatabase,
  table: SyncConflict['table'],
  id: string,
): Promise<number> {
  return db.conflicts
    .where('[table+recordId]')
    .equals([table, id])
    .filter((c) => c.resolvedAt === null)
    .count();
}

/**
 * A person settles a sync conflict: keep the value that won, or take the one
 * that lost. Taking the loser is an ordinary edit (a new change with a newer
 * stamp), so every device ends with it; either way the conflict is marked
 * resolved in the same transaction, and sync tells the server.
 */
import type { ItaDatabase } from './schema';
import { write, WriteError, type WriteDeps } from './writer';

export function makeConflictCommands(db: ItaDatabase, deps: WriteDeps) {
  return {
    async resolveConflict(conflictId: string, choice: 'winner' | 'loser'): Promise<void> {
      const conflict = await db.conflicts.get(conflictId);
      if (!conflict) throw new WriteError('not_found', 'ไม่พบรายการขัดแย้งนี้');
      await write(db, deps, [conflict.table, 'conflicts'], async (w) => {
        if (choice === 'loser') {
          const record = await w.get(conflict.table, conflict.recordId);
          if (!record) throw new WriteError('not_found', 'ไม่พบข้อมูลที่ขัดแย้ง อาจยังไม่ได้ซิงก์มาที่เครื่องนี้');
          if (record.deletedAt && conflict.field !== 'deletedAt')
            await w.restore(conflict.table, conflict.recordId);
          await w.patch(conflict.table, conflict.recordId, { [conflict.field]: conflict.loser.value });
        }
        // Not yet reported: the next push tells the server, which tells the other phones.
        await db.conflicts.update(conflictId, { resolvedAt: w.now.toISOString(), reported: false });
      });
    },
  };
}

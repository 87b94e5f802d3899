/**
 * Builds an export document (format version 1) from the database: all plans,
 * one plan, or one plan's quarter. Records travel with their bookkeeping
 * (stamps, deletedAt), so importing the file elsewhere merges field by field
 * and deletes travel too. Photos are listed as metadata; their bytes go in a
 * companion archive when asked for.
 */
import type { ChangeOp } from '../domain/changeLog';
import { isWithin, quarterRange, type Quarter } from '../domain/fiscalCalendar';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../domain/exportDocument';
import type { ValidExportDocument } from '../domain/exportSchema';
import type { Action, Evidence, Measure, Meeting, Plan, Progress, QuarterlyRecord } from '../domain/types';
import type { ItaDatabase } from './schema';

export type ExportScope =
  { kind: 'all' } | { kind: 'plan'; planId: string } | { kind: 'quarter'; planId: string; quarter: Quarter };

export interface ExportOptions {
  exportId: string;
  exportedAt: string;
  includeChanges: boolean;
  device?: { id: string; name: string };
}

function strip<T extends object, K extends keyof T>(row: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...row };
  for (const k of keys) delete copy[k];
  return copy;
}

export async function buildExport(
  db: ItaDatabase,
  scope: ExportScope,
  options: ExportOptions,
): Promise<ValidExportDocument> {
  return db.transaction(
    'r',
    [
      db.plans,
      db.measures,
      db.actions,
      db.progress,
      db.meetings,
      db.quarterlyRecords,
      db.evidence,
      db.outbox,
    ],
    async () => {
      const plans: Plan[] =
        scope.kind === 'all'
          ? await db.plans.toArray()
          : [await db.plans.get(scope.planId)].filter((p): p is Plan => !!p);
      const planIds = plans.map((p) => p.id);
      const byPlan = <T>(table: {
        where: (i: string) => { anyOf: (k: string[]) => { toArray: () => Promise<T[]> } };
      }) => table.where('planId').anyOf(planIds).toArray();
      const [measures, actions] = await Promise.all([
        byPlan<Measure>(db.measures),
        byPlan<Action>(db.actions),
      ]);
      let [progress, meetings, records] = await Promise.all([
        byPlan<Progress>(db.progress),
        byPlan<Meeting>(db.meetings),
        byPlan<QuarterlyRecord>(db.quarterlyRecords),
      ]);
      if (scope.kind === 'quarter') {
        const plan = plans[0];
        const range = plan ? quarterRange(plan.fiscalYear, scope.quarter) : { start: '9', end: '0' };
        progress = progress.filter((t) => isWithin(t.date, range));
        meetings = meetings.filter((m) => isWithin(m.date, range));
        records = records.filter((r) => r.quarter === scope.quarter && r.fiscalYear === plan?.fiscalYear);
      }
      const targets = new Set([...progress, ...meetings, ...records].map((r) => r.id));
      const evidence = (await byPlan<Evidence>(db.evidence)).filter((e) => targets.has(e.targetId));
      const ids = new Set(
        [...plans, ...measures, ...actions, ...progress, ...meetings, ...records, ...evidence].map(
          (r) => r.id,
        ),
      );
      const changes: ChangeOp[] = options.includeChanges
        ? (await db.outbox.orderBy('deviceSeq').toArray()).filter((op) => ids.has(op.id))
        : [];

      const doc = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        id: options.exportId,
        exportedAt: options.exportedAt,
        ...(options.device ? { device: options.device } : {}),
        scope:
          scope.kind === 'all'
            ? { kind: 'all' as const }
            : scope.kind === 'plan'
              ? { kind: 'plan' as const, planId: scope.planId }
              : {
                  kind: 'quarter' as const,
                  planId: scope.planId,
                  fiscalYear: plans[0]?.fiscalYear,
                  quarter: scope.quarter,
                },
        plans: plans.map((plan) => ({
          ...plan,
          measures: measures
            .filter((m) => m.planId === plan.id)
            .sort((a, b) => a.number - b.number)
            .map((m) => ({
              ...strip(m, 'planId'),
              actions: actions
                .filter((a) => a.measureId === m.id)
                .map((a) => strip(a, 'planId', 'measureId')),
            })),
        })),
        progress,
        meetings,
        quarterlyRecords: records,
        evidence,
        ...(options.includeChanges ? { changes } : {}),
      };
      return doc as ValidExportDocument;
    },
  );
}

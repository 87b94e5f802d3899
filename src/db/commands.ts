/**
 * ALL writes of the app. Each command is one transaction that writes the
 * records and their change-log/outbox entries together (see writer.ts).
 *
 * Offline: every command works the same with or without a connection; its
 * change waits in the outbox until sync sends it. On conflict (later, with
 * sync): each field keeps its HLC stamp, so the newest change of a field wins
 * everywhere and ticks, being append-only records, never conflict.
 */
import { v7 as uuidv7 } from 'uuid';
import { fiscalYearOf } from '../domain/fiscalCalendar';
import type { DigitStyle } from '../domain/thaiFormat';
import type { ActionFields, MeasureFields, PlanFields, ProgressFields, TableName } from '../domain/types';
import type { ActionInput, MeasureInput, PlanInput, TickInput } from '../domain/validation';
import { DEVICE_KEY, ensureDevice, type DeviceSettings } from './device';
import type { ItaDatabase } from './schema';
import { write, WriteError, type WriteDeps } from './writer';

export { WriteError };

export const defaultDeps: WriteDeps = {
  now: () => new Date(),
  newId: () => uuidv7(),
};

export type Commands = ReturnType<typeof makeCommands>;

export function makeCommands(db: ItaDatabase, deps: WriteDeps = defaultDeps) {
  return {
    /** A new plan, empty of measures. */
    async createPlan(input: PlanInput): Promise<string> {
      const fields: PlanFields = { ...input, warnings: [] };
      return write(db, deps, ['plans'], async (w) => (await w.insert('plans', fields)).id);
    },

    async updatePlan(id: string, input: PlanInput): Promise<void> {
      await write(db, deps, ['plans'], (w) => w.patch('plans', id, { ...input }));
    },

    /** Soft delete; its measures become unreachable with it and come back on restore. */
    async deletePlan(id: string): Promise<void> {
      await write(db, deps, ['plans'], (w) => w.remove('plans', id));
    },

    async createMeasure(planId: string, input: MeasureInput): Promise<string> {
      return write(db, deps, ['plans', 'measures'], async (w) => {
        const plan = await w.get('plans', planId);
        if (!plan || plan.deletedAt) throw new WriteError('not_found', 'ไม่พบแผนนี้ อาจถูกลบไปแล้ว');
        const fields: MeasureFields = {
          planId,
          number: input.number,
          title: input.title,
          items: [],
          indicators: [],
          findings: [],
          responsible: input.responsible,
          period: input.period,
          ...(input.budget !== undefined ? { budget: input.budget } : {}),
          ...(input.successIndicator !== undefined ? { successIndicator: input.successIndicator } : {}),
        };
        return (await w.insert('measures', fields)).id;
      });
    },

    async updateMeasure(id: string, input: MeasureInput): Promise<void> {
      await write(db, deps, ['measures'], (w) => w.patch('measures', id, { ...input }));
    },

    async deleteMeasure(id: string): Promise<void> {
      await write(db, deps, ['measures'], (w) => w.remove('measures', id));
    },

    async createAction(measureId: string, input: ActionInput): Promise<string> {
      return write(db, deps, ['measures', 'actions'], async (w) => {
        const measure = await w.get('measures', measureId);
        if (!measure || measure.deletedAt) throw new WriteError('not_found', 'ไม่พบมาตรการนี้ อาจถูกลบไปแล้ว');
        const fields: ActionFields = { planId: measure.planId as string, measureId, ...input };
        return (await w.insert('actions', fields)).id;
      });
    },

    async updateAction(id: string, input: ActionInput): Promise<void> {
      await write(db, deps, ['actions'], (w) => w.patch('actions', id, { ...input }));
    },

    async deleteAction(id: string): Promise<void> {
      await write(db, deps, ['actions'], (w) => w.remove('actions', id));
    },

    /**
     * Record a tick: a new append-only progress record. Two phones ticking the
     * same action both keep their ticks; the latest by date is the status.
     */
    async tickAction(actionId: string, input: TickInput): Promise<string> {
      return write(db, deps, ['plans', 'actions', 'progress'], async (w) => {
        const action = await w.get('actions', actionId);
        if (!action || action.deletedAt) throw new WriteError('not_found', 'ไม่พบขั้นตอนนี้ อาจถูกลบไปแล้ว');
        const plan = await w.get('plans', action.planId as string);
        if (plan && fiscalYearOf(input.date) !== plan.fiscalYear) {
          throw new WriteError('invalid', `วันที่ต้องอยู่ในปีงบประมาณ ${String(plan.fiscalYear)}`);
        }
        const fields: ProgressFields = {
          planId: action.planId as string,
          measureId: action.measureId as string,
          actionId,
          date: input.date,
          status: input.status,
          note: input.note,
          by: w.device.staffName,
          at: w.now.toISOString(),
          deviceId: w.device.deviceId,
        };
        return (await w.insert('progress', fields)).id;
      });
    },

    /** Undo a tick: the tick is marked deleted, and both stay in the history. */
    async undoTick(progressId: string): Promise<void> {
      await write(db, deps, ['progress'], (w) => w.remove('progress', progressId));
    },

    /** Undo a delete of a plan, measure or action. */
    async restore(table: Exclude<TableName, 'progress'>, id: string): Promise<void> {
      await write(db, deps, [table], (w) => w.restore(table, id));
    },

    /** Device-local settings; not part of the synced data, so not logged. */
    async saveDeviceSettings(changes: {
      deviceName: string;
      staffName: string;
      digits: DigitStyle;
    }): Promise<DeviceSettings> {
      return db.transaction('rw', db.meta, async () => {
        const device = await ensureDevice(db, deps.newId);
        const next = {
          ...device,
          deviceName: changes.deviceName.trim(),
          staffName: changes.staffName.trim(),
          digits: changes.digits,
        };
        await db.meta.put({ key: DEVICE_KEY, value: next });
        return next;
      });
    },
  };
}

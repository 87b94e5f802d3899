/** Named data hooks: the pages' only way to read the database. */
import { db } from '../db/db';
import * as q from '../db/queries';
import { readServerSettings } from '../sync/serverSettings';
import { useLiveQuery } from './useLiveQuery';

export const usePlans = () => useLiveQuery(() => q.listPlans(db), []);
/** Each plan's progress, read once `enabled` (after the list has shown: its reads would queue before the list's). */
export const usePlansProgress = (enabled: boolean) =>
  useLiveQuery(() => (enabled ? q.plansProgress(db) : null), [enabled]);
export const usePlanOverview = (planId: string) => useLiveQuery(() => q.planOverview(db, planId), [planId]);
export const useMeasureDetail = (measureId: string) =>
  useLiveQuery(() => q.measureDetail(db, measureId), [measureId]);
export const useActionContext = (actionId: string) =>
  useLiveQuery(() => q.actionContext(db, actionId), [actionId]);
export const useActionHistory = (actionId: string) =>
  useLiveQuery(() => q.actionHistory(db, actionId), [actionId]);
export const useDeviceSettings = () => useLiveQuery(() => q.deviceSettings(db), []);
/**
 * The header's sync state: null on a device with no agency server (nothing
 * is waiting for anything there); otherwise how many changes have not reached
 * the server yet, the same count as the sync page's.
 */
export const useSyncBadge = () =>
  useLiveQuery(async () => {
    if (!(await readServerSettings(db))) return null;
    return { waiting: await q.pendingChanges(db) };
  }, []);

/** The digit style chosen in settings (Arabic by default). */
export function useDigits(): 'arabic' | 'thai' {
  const s = useDeviceSettings();
  return s.status === 'ready' && s.value ? s.value.digits : 'arabic';
}

export const useRecordHistory = (table: 'meetings' | 'quarterlyRecords', id: string) =>
  useLiveQuery(() => q.recordHistory(db, table, id), [table, id]);

/** Names to show for device ids in histories: this device by its name (other phones by id until sync names them). */
export function useDeviceNames(): Record<string, string> {
  const device = useDeviceSettings();
  return device.status === 'ready' && device.value
    ? { [device.value.deviceId]: device.value.deviceName || 'เครื่องนี้' }
    : {};
}

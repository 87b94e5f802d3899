/** Named data hooks of the first screen and the header (the other pages': planData.ts, followUp.ts). */
import { db } from '../db/db';
import * as q from '../db/queries';
import { readServerSettings } from '../sync/serverSettings';
import { useLiveQuery } from './useLiveQuery';

/**
 * `shown`: for a screen that only shows the value. Its first frame is then
 * drawn from what it showed last time, while the query runs (viewSnapshot.ts).
 * Never for a form's starting values or a decision (a redirect, an export):
 * those must wait for what the database holds now.
 */
export interface Use {
  shown?: boolean;
}
export const lastShown = (use: Use, key: string) => (use.shown ? key : undefined);

export const usePlans = (use: Use = {}) => useLiveQuery(() => q.listPlans(db), [], lastShown(use, 'plans'));
/** Each plan's progress, read once `enabled` (after the list has shown: its reads would queue before the list's). */
export const usePlansProgress = (enabled: boolean) =>
  useLiveQuery(() => (enabled ? q.plansProgress(db) : null), [enabled]);
export const useDeviceSettings = (use: Use = {}) =>
  useLiveQuery(() => q.deviceSettings(db), [], lastShown(use, 'deviceSettings'));
/**
 * The header's sync state: null on a device with no agency server (nothing
 * is waiting for anything there); otherwise how many changes have not reached
 * the server yet, the same count as the sync page's.
 */
export const useSyncBadge = () =>
  useLiveQuery(
    async () => {
      if (!(await readServerSettings(db))) return null;
      return { waiting: await q.pendingChanges(db) };
    },
    [],
    'syncBadge',
  );

/** The digit style chosen in settings (Arabic by default). */
export function useDigits(): 'arabic' | 'thai' {
  const s = useDeviceSettings({ shown: true });
  return s.status === 'ready' && s.value ? s.value.digits : 'arabic';
}

/** Names to show for device ids in histories: this device by its name (other phones by id until sync names them). */
export function useDeviceNames(): Record<string, string> {
  const device = useDeviceSettings();
  return device.status === 'ready' && device.value
    ? { [device.value.deviceId]: device.value.deviceName || 'เครื่องนี้' }
    : {};
}

/**
 * Who this device is: a client-made id (kept when it later enrols with a
 * server), a device name and the staff name written on every change.
 */
import type { DigitStyle } from '../domain/thaiFormat';
import type { ItaDatabase } from './schema';

export interface DeviceSettings {
  deviceId: string;
  deviceName: string;
  staffName: string;
  digits: DigitStyle;
}

export const DEVICE_KEY = 'device';
export const SEQ_KEY = 'deviceSeq';
export const HLC_KEY = 'hlc';

/**
 * The device settings, made on first use. Must run inside a transaction that
 * includes `meta` when called from a write.
 */
export async function ensureDevice(db: ItaDatabase, newId: () => string): Promise<DeviceSettings> {
  const row = await db.meta.get(DEVICE_KEY);
  if (row) return row.value as DeviceSettings;
  const device: DeviceSettings = { deviceId: newId(), deviceName: '', staffName: '', digits: 'arabic' };
  await db.meta.put({ key: DEVICE_KEY, value: device });
  return device;
}

/** Read-only view for the UI; null until the first write or settings save. */
export async function readDevice(db: ItaDatabase): Promise<DeviceSettings | null> {
  const row = await db.meta.get(DEVICE_KEY);
  return row ? (row.value as DeviceSettings) : null;
}

/**
 * Ids that do not change when the same document is parsed or imported again:
 * UUIDv5 of the agency, the fiscal year and the numbers, so a re-import
 * updates the plan instead of duplicating it (contracts.md).
 */
import { v5 } from 'uuid';

/** Namespace of ITA Tracker's name-based ids (a fixed random UUID; never change it). */
export const ITA_TRACKER_NAMESPACE = '8f0d6b2e-4c1a-4b7e-9a35-2d6c1f0e7b94';

const key = (agencyName: string) => agencyName.replace(/\s+/g, '');

export function planId(agencyName: string, fiscalYear: number): string {
  return v5(`plan|${key(agencyName)}|${fiscalYear}`, ITA_TRACKER_NAMESPACE);
}

/** `occurrence` > 0 only for a measure number the document repeats. */
export function measureId(agencyName: string, fiscalYear: number, number: number, occurrence = 0): string {
  const suffix = occurrence > 0 ? `#${occurrence}` : '';
  return v5(`measure|${key(agencyName)}|${fiscalYear}|${number}${suffix}`, ITA_TRACKER_NAMESPACE);
}

export function actionId(measureKey: string, kind: string, number: string, occurrence = 0): string {
  const suffix = occurrence > 0 ? `#${occurrence}` : '';
  return v5(`action|${measureKey}|${kind}|${number}${suffix}`, ITA_TRACKER_NAMESPACE);
}

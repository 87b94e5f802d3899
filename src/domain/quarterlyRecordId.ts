/**
 * A quarterly record's id, from what makes it one: its measure, fiscal year
 * and quarter (one record per measure per quarter). Two phones that each
 * write the record offline write the same record, so sync merges their
 * fields and keeps the values they set differently as conflicts for a
 * person, instead of leaving two records of which the screens show one.
 */
import { v5 } from 'uuid';
import type { Quarter } from './fiscalCalendar';
import { ITA_TRACKER_NAMESPACE } from './importer/stableIds';

export function quarterlyRecordId(measureId: string, fiscalYear: number, quarter: Quarter): string {
  return v5(`quarterly|${measureId}|${fiscalYear}|${quarter}`, ITA_TRACKER_NAMESPACE);
}

import { bangkokDate } from './fiscalCalendar';

/**
 * An export file's name without its extension: `ita-export-2024-01-05-1a2b3c4d`,
 * dated by the day in Bangkok (just after midnight there, UTC still says
 * yesterday), with the export id's first characters to tell files apart.
 */
export function exportFileBase(exportedAt: string, exportId: string): string {
  return `ita-export-${bangkokDate(new Date(exportedAt))}-${exportId.slice(0, 8)}`;
}

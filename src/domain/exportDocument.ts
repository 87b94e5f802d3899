/**
 * The export document, version 1 (contracts.md): what the parser prints, what
 * the app exports and imports, and what the server stores. Plans carry their
 * measures and actions nested, with stable ids so a re-import updates rather
 * than duplicates.
 */
import type {
  ActionKind,
  Agency,
  Finding,
  IndicatorScore,
  IsoInstant,
  ItemRef,
  Period,
  PlanWarning,
  ReportSignatures,
} from './types';

export const EXPORT_FORMAT = 'ita-tracker';
export const EXPORT_VERSION = 1;

export interface ExportAction {
  id: string;
  kind: ActionKind;
  /** As numbered in the document, Arabic digits, e.g. "1.2". */
  number: string;
  text: string;
}

/** An indicator score; `printed` keeps "number name" as printed when the importer resolved a mismatch. */
export interface ExportIndicatorScore extends IndicatorScore {
  printed?: string;
}

export interface ExportMeasure {
  id: string;
  number: number;
  title: string;
  items: ItemRef[];
  indicators: ExportIndicatorScore[];
  findings: Finding[];
  /** As printed, one string. */
  responsible: string;
  responsibleUnits?: string[];
  /** Null when the document states no readable period (a warning says so). */
  period: Period | null;
  budget?: number | null;
  successIndicator?: string;
  actions: ExportAction[];
}

export interface ExportPlan {
  id: string;
  agency: Agency;
  assessmentYear: number;
  fiscalYear: number;
  overallScore: number | null;
  rating: string;
  constraints: string[];
  warnings: PlanWarning[];
  catalogueYear?: number | null;
  signatures?: ReportSignatures;
  previousPlanId?: string | null;
  measures: ExportMeasure[];
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** UUID of this export; the same id with another body is a conflict on the server. */
  id: string;
  exportedAt: IsoInstant;
  device?: { id: string; name: string };
  plans: ExportPlan[];
  // The follow-up records are defined with their features; the parser emits none.
  progress?: unknown[];
  meetings?: unknown[];
  quarterlyRecords?: unknown[];
  evidence?: unknown[];
  changes?: unknown[];
}

/**
 * The plan model: what an agency's yearly ITA measures document says, and the
 * ticks staff record against it. Pure data, shared by the app, the importer,
 * the export format and the server.
 *
 * Years are Buddhist-era integers (2567), dates ISO `YYYY-MM-DD`, instants ISO
 * with zone, item codes lower case (`i13`, `e9`, `o11`).
 */

/** Calendar date, `YYYY-MM-DD` (Gregorian digits, as ISO requires). */
export type IsoDate = string;
/** Instant, ISO 8601 with zone, e.g. `2024-01-05T03:04:05.000Z`. */
export type IsoInstant = string;

export type Instrument = 'IIT' | 'EIT' | 'OIT';
export type FindingKind = 'strength' | 'weakness';
export type ActionKind = 'method' | 'step';

/** One list everywhere (contracts.md): done, in progress, not started. */
export const TICK_STATUSES = ['done', 'in_progress', 'not_started'] as const;
export type TickStatus = (typeof TICK_STATUSES)[number];

export interface Agency {
  name: string;
  district: string;
  province: string;
}

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** A warning the importer raised; kept with the plan until a person resolves it. */
export interface PlanWarning {
  code: string;
  message: string;
  /** The measure's number, where the warning concerns one measure. */
  measure?: number;
  /** 1-based line in the imported text. */
  line?: number;
  /** The item code (as resolved) the warning is about, so the review can show it beside that item. */
  item?: string;
}

/** An ITA assessment item (i1–i30, e1–e15, o1–o43 in 2566) listed for a measure. */
export interface ItemRef {
  code: string;
  text: string;
  /** What the document printed, where it differed from the resolved code. */
  printed?: string;
}

export interface IndicatorScore {
  number: number;
  name: string;
  score: number | null;
}

export interface Finding {
  kind: FindingKind | null;
  instrument: Instrument;
  indicator: number | null;
  code: string;
  text: string;
  score: number | null;
  analysis: string;
  printed?: string;
}

/**
 * Fields every stored record carries so that it can be synced later:
 * a client-made UUID, soft deletion, and a hybrid-logical-clock stamp per
 * field (the highest stamp wins a field, see sync.md).
 */
export interface RecordMeta {
  id: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  /** Set instead of removing the record; deletes travel like any change. */
  deletedAt: IsoInstant | null;
  /** Field name → HLC stamp of the change that last set it. */
  stamps: Record<string, string>;
}

/** Who signs the published report: typed once per plan (issue 13). */
export interface ReportSignatures {
  /** ผู้รายงาน */
  reporterName: string;
  reporterPosition: string;
  /** The head of the agency who acknowledges it (ผู้บริหารรับทราบ). */
  headName: string;
  headPosition: string;
}

export interface PlanFields {
  agency: Agency;
  /** ITA assessment year the measures answer (BE), e.g. 2566. */
  assessmentYear: number;
  /** Fiscal year the measures are carried out in (BE), e.g. 2567. */
  fiscalYear: number;
  overallScore: number | null;
  rating: string;
  constraints: string[];
  warnings: PlanWarning[];
  /**
   * The ITA catalogue year the item codes were read with (2566, 2569…); null
   * when no catalogue was known for the year, so codes stay as the document
   * wrote them. Absent on plans made before catalogues were kept per year.
   */
  catalogueYear?: number | null;
  /** Names and positions for the report's signature block. */
  signatures?: ReportSignatures;
  /** The plan this one was made from ("สร้างแผนปีถัดไป"), if any. */
  previousPlanId?: string | null;
}
export interface Plan extends RecordMeta, PlanFields {}

export interface MeasureFields {
  planId: string;
  number: number;
  title: string;
  items: ItemRef[];
  indicators: IndicatorScore[];
  findings: Finding[];
  /** As printed, one string. */
  responsible: string;
  responsibleUnits?: string[];
  period: Period | null;
  /** Planned budget in baht (งบประมาณ), if the document or the person gives one. */
  budget?: number | null;
  /** ตัวชี้วัดความสำเร็จ / เป้าหมาย, as written. */
  successIndicator?: string;
}
export interface Measure extends RecordMeta, MeasureFields {}

export interface ActionFields {
  planId: string;
  measureId: string;
  kind: ActionKind;
  /** As numbered in the document, e.g. "1.2" or "3.4". */
  number: string;
  text: string;
}
export interface Action extends RecordMeta, ActionFields {}

/**
 * A tick: one progress report on an action. Its status is never overwritten
 * (a change is a new tick); undo soft-deletes it and the change log keeps
 * both. Only its note may follow the tap, while its meeting is open.
 */
export interface ProgressFields {
  planId: string;
  measureId: string;
  actionId: string;
  /** The day the work was done or reported (Bangkok calendar). */
  date: IsoDate;
  status: TickStatus;
  note: string;
  /** Staff name of whoever ticked, as set on the device. */
  by: string;
  /** When it was recorded. */
  at: IsoInstant;
  deviceId: string;
  /** The monthly meeting the tick was reported in, if any. */
  meetingId?: string | null;
  /** A correction of an earlier tick of a closed meeting: that tick's id. */
  corrects?: string | null;
}
export interface Progress extends RecordMeta, ProgressFields {}

/** A monthly meeting report (รายงานการประชุมประจำเดือน) where progress is reported. */
export interface MeetingFields {
  planId: string;
  date: IsoDate;
  /** As the agency numbers it, e.g. "3/2567". */
  number: string;
  title: string;
  attendees: number | null;
  notes: string;
  /** Set when the meeting is closed: its ticks are then final, corrections are new ticks. */
  closedAt: IsoInstant | null;
}
export interface Meeting extends RecordMeta, MeetingFields {}

export const QUARTERLY_STATUSES = ['draft', 'final'] as const;
export type QuarterlyStatus = (typeof QUARTERLY_STATUSES)[number];

/** The quarterly follow-up record of one measure (บันทึกรายงานผลรายไตรมาส). */
export interface QuarterlyRecordFields {
  planId: string;
  measureId: string;
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  /** ผลการดำเนินงาน */
  results: string;
  /** Budget spent in baht. */
  budgetSpent: number | null;
  /** ปัญหา อุปสรรค */
  problems: string;
  /** ข้อเสนอแนะ */
  suggestions: string;
  /** Progress in percent, 0–100. */
  progress: number | null;
  status: QuarterlyStatus;
}
export interface QuarterlyRecord extends RecordMeta, QuarterlyRecordFields {}

export type EvidenceKind = 'photo' | 'file' | 'link';
export type EvidenceTargetTable = 'progress' | 'meetings' | 'quarterlyRecords';

/**
 * Evidence (หลักฐาน) attached to a tick, a meeting or a quarterly record: a
 * photo or file (its bytes live apart, content-addressed by SHA-256) or a link.
 */
export interface EvidenceFields {
  planId: string;
  targetTable: EvidenceTargetTable;
  targetId: string;
  kind: EvidenceKind;
  /** File name, or the link's title. */
  name: string;
  /** For links. */
  url: string | null;
  mimeType: string | null;
  size: number | null;
  /** Hex SHA-256 of the stored bytes (photo after resizing). */
  sha256: string | null;
  width: number | null;
  height: number | null;
}
export interface Evidence extends RecordMeta, EvidenceFields {}

export type TableName =
  'plans' | 'measures' | 'actions' | 'progress' | 'meetings' | 'quarterlyRecords' | 'evidence';

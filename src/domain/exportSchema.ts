/**
 * The export document, version 1, as a valibot schema: the one definition
 * from which the JSON Schema file (public/schema/export-v1.json, served by
 * the app) is generated, and against which every import and upload is
 * checked. The parser's output, a device's export and the server's stored
 * copy all pass it. Limits keep a hostile file from exhausting a phone or the
 * server.
 */
import * as v from 'valibot';
import { EXPORT_FORMAT, EXPORT_VERSION } from './exportDocument';
import { QUARTERLY_STATUSES, TICK_STATUSES } from './types';

const ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'not an id'));
const ISO_DATE = v.pipe(v.string(), v.isoDate());
const INSTANT = v.pipe(v.string(), v.isoTimestamp());
const TEXT = v.pipe(v.string(), v.maxLength(20_000));
const SHORT = v.pipe(v.string(), v.maxLength(1_000));
const BE_YEAR = v.pipe(v.number(), v.integer(), v.minValue(2400), v.maxValue(2800));
const SCORE = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100)));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

/** Sync bookkeeping: optional, so a document written by the parser (new records) passes too. */
const META = {
  createdAt: v.optional(INSTANT),
  updatedAt: v.optional(INSTANT),
  deletedAt: v.optional(v.nullable(INSTANT)),
  /** Field name → HLC stamp; the higher stamp wins a field on import. */
  stamps: v.optional(
    v.record(
      v.pipe(v.string(), v.maxLength(64)),
      v.pipe(v.string(), v.regex(/^$|^\d{15}-\d{6}-[A-Za-z0-9._:-]{1,64}$/)),
    ),
  ),
};

export const periodSchema = v.object({ start: ISO_DATE, end: ISO_DATE });

export const actionSchema = v.object({
  id: ID,
  kind: v.picklist(['method', 'step']),
  number: v.pipe(v.string(), v.maxLength(20)),
  text: TEXT,
  ...META,
});

export const measureSchema = v.object({
  id: ID,
  number: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999)),
  title: TEXT,
  items: list(
    v.object({ code: v.pipe(v.string(), v.maxLength(10)), text: TEXT, printed: v.optional(SHORT) }),
    500,
  ),
  indicators: list(
    v.object({
      number: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99)),
      name: SHORT,
      score: SCORE,
      printed: v.optional(SHORT),
    }),
    100,
  ),
  findings: list(
    v.object({
      kind: v.nullable(v.picklist(['strength', 'weakness'])),
      instrument: v.picklist(['IIT', 'EIT', 'OIT']),
      indicator: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99))),
      code: v.pipe(v.string(), v.maxLength(10)),
      text: TEXT,
      score: SCORE,
      analysis: TEXT,
      printed: v.optional(SHORT),
    }),
    500,
  ),
  responsible: TEXT,
  responsibleUnits: v.optional(list(SHORT, 50)),
  period: v.nullable(periodSchema),
  budget: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1e12)))),
  successIndicator: v.optional(TEXT),
  actions: list(actionSchema, 500),
  ...META,
});

export const planSchema = v.object({
  id: ID,
  agency: v.object({ name: SHORT, district: SHORT, province: SHORT }),
  assessmentYear: BE_YEAR,
  fiscalYear: BE_YEAR,
  overallScore: SCORE,
  rating: SHORT,
  constraints: list(TEXT, 100),
  warnings: list(
    v.object({
      code: v.pipe(v.string(), v.maxLength(100)),
      message: TEXT,
      measure: v.optional(v.number()),
      line: v.optional(v.number()),
      item: v.optional(v.pipe(v.string(), v.maxLength(10))),
    }),
    5_000,
  ),
  catalogueYear: v.optional(v.nullable(BE_YEAR)),
  signatures: v.optional(
    v.object({ reporterName: SHORT, reporterPosition: SHORT, headName: SHORT, headPosition: SHORT }),
  ),
  previousPlanId: v.optional(v.nullable(ID)),
  measures: list(measureSchema, 200),
  ...META,
});

export const progressSchema = v.object({
  id: ID,
  planId: ID,
  measureId: ID,
  actionId: ID,
  date: ISO_DATE,
  status: v.picklist(TICK_STATUSES),
  note: TEXT,
  by: SHORT,
  at: INSTANT,
  deviceId: ID,
  meetingId: v.optional(v.nullable(ID)),
  corrects: v.optional(v.nullable(ID)),
  ...META,
});

export const meetingSchema = v.object({
  id: ID,
  planId: ID,
  date: ISO_DATE,
  number: v.pipe(v.string(), v.maxLength(50)),
  title: SHORT,
  attendees: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  notes: TEXT,
  closedAt: v.nullable(INSTANT),
  ...META,
});

export const quarterlyRecordSchema = v.object({
  id: ID,
  planId: ID,
  measureId: ID,
  fiscalYear: BE_YEAR,
  quarter: v.picklist([1, 2, 3, 4]),
  results: TEXT,
  budgetSpent: v.nullable(v.pipe(v.number(), v.minValue(0))),
  problems: TEXT,
  suggestions: TEXT,
  progress: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  status: v.picklist(QUARTERLY_STATUSES),
  ...META,
});

export const evidenceSchema = v.object({
  id: ID,
  planId: ID,
  targetTable: v.picklist(['progress', 'meetings', 'quarterlyRecords']),
  targetId: ID,
  kind: v.picklist(['photo', 'file', 'link']),
  name: SHORT,
  url: v.nullable(v.pipe(v.string(), v.url(), v.maxLength(2_000))),
  mimeType: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  size: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  sha256: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  width: v.nullable(v.number()),
  height: v.nullable(v.number()),
  ...META,
});

export const changeSchema = v.object({
  opId: ID,
  deviceId: ID,
  deviceSeq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  table: v.picklist(['plans', 'measures', 'actions', 'progress', 'meetings', 'quarterlyRecords', 'evidence']),
  id: ID,
  kind: v.picklist(['put', 'patch', 'delete', 'restore', 'import']),
  fields: v.record(v.string(), v.unknown()),
  before: v.nullable(v.record(v.string(), v.unknown())),
  baseRev: v.nullable(v.string()),
  hlc: v.pipe(v.string(), v.maxLength(200)),
  at: INSTANT,
  by: SHORT,
  sentAt: v.nullable(INSTANT),
});

const MAX_RECORDS = 200_000;

export const exportDocumentSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  id: v.pipe(v.string(), v.uuid()),
  exportedAt: INSTANT,
  device: v.optional(v.object({ id: ID, name: SHORT })),
  /** What the export covers, for people reading it. */
  scope: v.optional(
    v.object({
      kind: v.picklist(['all', 'plan', 'quarter']),
      planId: v.optional(ID),
      fiscalYear: v.optional(BE_YEAR),
      quarter: v.optional(v.picklist([1, 2, 3, 4])),
    }),
  ),
  plans: list(planSchema, 1_000),
  progress: v.optional(list(progressSchema, MAX_RECORDS)),
  meetings: v.optional(list(meetingSchema, MAX_RECORDS)),
  quarterlyRecords: v.optional(list(quarterlyRecordSchema, MAX_RECORDS)),
  evidence: v.optional(list(evidenceSchema, MAX_RECORDS)),
  changes: v.optional(list(changeSchema, MAX_RECORDS)),
});

export type ValidExportDocument = v.InferOutput<typeof exportDocumentSchema>;

export type ExportCheck =
  | { ok: true; document: ValidExportDocument }
  | { ok: false; code: 'not_json' | 'foreign' | 'newer_version' | 'invalid'; message: string; path?: string };

/**
 * Checks a parsed JSON value. Messages are Thai, for the person importing;
 * `path` says where the first problem is (e.g. "plans.0.measures.2.title").
 */
export function checkExportDocument(value: unknown): ExportCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, code: 'foreign', message: 'ไฟล์นี้ไม่ใช่ไฟล์ส่งออกของแอปติดตามมาตรการ ITA' };
  }
  const head = value as { format?: unknown; version?: unknown };
  if (head.format !== EXPORT_FORMAT) {
    return { ok: false, code: 'foreign', message: 'ไฟล์นี้ไม่ใช่ไฟล์ส่งออกของแอปติดตามมาตรการ ITA' };
  }
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    return {
      ok: false,
      code: 'newer_version',
      message: `ไฟล์นี้มาจากแอปรุ่นใหม่กว่า (รูปแบบรุ่น ${head.version}) กรุณาอัปเดตแอปก่อนนำเข้า`,
    };
  }
  const result = v.safeParse(exportDocumentSchema, value);
  if (result.success) return { ok: true, document: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return {
    ok: false,
    code: 'invalid',
    message: `ไฟล์ส่งออกไม่ถูกต้อง${path ? ` ที่ ${path}` : ''}: ข้อมูลไม่ครบหรือผิดรูปแบบ ไม่มีการเปลี่ยนแปลงข้อมูลในเครื่อง`,
    path,
  };
}

/** Parses text (e.g. a file's contents) and checks it. */
export function checkExportText(text: string): ExportCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      code: 'not_json',
      message: 'อ่านไฟล์ไม่ได้: ไม่ใช่ไฟล์ JSON หรือไฟล์ไม่ครบ (อาจดาวน์โหลดไม่สมบูรณ์)',
    };
  }
  return checkExportDocument(value);
}

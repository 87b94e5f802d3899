/**
 * Writes of the follow-up work: meetings and their ticks, quarterly records,
 * evidence. Same rules as commands.ts: one transaction per command with its
 * change-log entries; works offline, waits in the outbox.
 *
 * On conflict (with sync): ticks are append-only so two phones' ticks both
 * stay; meeting and quarterly-record fields merge field by field by HLC.
 */
import { fiscalYearOf, type Quarter } from '../domain/fiscalCalendar';
import type { LinkInput, MeetingInput, QuarterlyInput } from '../domain/followUpValidation';
import { canEditTickNote } from '../domain/meetingAgenda';
import { quarterlyRecordId } from '../domain/quarterlyRecordId';
import type {
  EvidenceFields,
  EvidenceTargetTable,
  MeetingFields,
  ProgressFields,
  QuarterlyRecordFields,
  TickStatus,
} from '../domain/types';
import type { FileRow, ItaDatabase } from './schema';
import { write, WriteError, type WriteDeps } from './writer';

export interface EvidenceTarget {
  table: EvidenceTargetTable;
  id: string;
}

/** A photo or file prepared by the page (resized, hashed) ready to store. */
export interface PreparedFile {
  sha256: string;
  blob: Blob;
  thumb: Blob | null;
  name: string;
  type: string;
  width: number | null;
  height: number | null;
}

export type FollowUpCommands = ReturnType<typeof makeFollowUpCommands>;

export function makeFollowUpCommands(db: ItaDatabase, deps: WriteDeps) {
  async function livePlan(
    w: { get: (t: 'plans', id: string) => Promise<Record<string, unknown> | undefined> },
    planId: string,
  ) {
    const plan = await w.get('plans', planId);
    if (!plan || plan.deletedAt) throw new WriteError('not_found', 'ไม่พบแผนนี้ อาจถูกลบไปแล้ว');
    return plan as { fiscalYear: number; id: string };
  }

  return {
    async createMeeting(planId: string, input: MeetingInput): Promise<string> {
      return write(db, deps, ['plans', 'meetings'], async (w) => {
        const plan = await livePlan(w, planId);
        if (fiscalYearOf(input.date) !== plan.fiscalYear) {
          throw new WriteError('invalid', `วันที่ประชุมต้องอยู่ในปีงบประมาณ ${plan.fiscalYear}`);
        }
        const fields: MeetingFields = { planId, ...input, closedAt: null };
        return (await w.insert('meetings', fields)).id;
      });
    },

    /** Edits details of an open meeting; a closed one is final. */
    async updateMeeting(id: string, input: MeetingInput): Promise<void> {
      await write(db, deps, ['meetings'], async (w) => {
        const m = await w.get('meetings', id);
        if (m?.closedAt) throw new WriteError('invalid', 'ปิดการประชุมนี้แล้ว แก้ไขรายละเอียดไม่ได้');
        await w.patch('meetings', id, { ...input });
      });
    },

    async closeMeeting(id: string): Promise<void> {
      await write(db, deps, ['meetings'], async (w) => {
        const m = await w.get('meetings', id);
        if (!m || m.closedAt) return;
        await w.patch('meetings', id, { closedAt: w.now.toISOString() });
      });
    },

    /**
     * One tap in meeting mode: a tick dated on the meeting's day that records
     * its meeting. In a closed meeting it is a correction that points at the
     * tick it corrects; nothing earlier is edited.
     */
    async tickInMeeting(
      meetingId: string,
      actionId: string,
      status: TickStatus,
      note: string,
    ): Promise<string> {
      return write(db, deps, ['meetings', 'actions', 'progress'], async (w) => {
        const meeting = await w.get('meetings', meetingId);
        if (!meeting || meeting.deletedAt) throw new WriteError('not_found', 'ไม่พบการประชุมนี้');
        const action = await w.get('actions', actionId);
        if (!action || action.deletedAt) throw new WriteError('not_found', 'ไม่พบขั้นตอนนี้ อาจถูกลบไปแล้ว');
        let corrects: string | null = null;
        if (meeting.closedAt) {
          const earlier = (await db.progress.where('meetingId').equals(meetingId).toArray())
            .filter((t) => t.actionId === actionId && !t.deletedAt)
            .sort((a, b) => (a.at < b.at ? 1 : -1))[0];
          corrects = earlier?.id ?? null;
        }
        const fields: ProgressFields = {
          planId: action.planId as string,
          measureId: action.measureId as string,
          actionId,
          date: meeting.date as string,
          status,
          note: note.trim(),
          by: w.device.staffName,
          at: w.now.toISOString(),
          deviceId: w.device.deviceId,
          meetingId,
          corrects,
        };
        return (await w.insert('progress', fields)).id;
      });
    },

    /**
     * The note of a tick made in meeting mode, typed before or after its tap.
     * Only the meeting's own ticks while it is open, or a correction made
     * after it closed: what a closed meeting recorded stays as it was.
     * Offline it waits in the outbox; on sync the later stamp wins the field.
     */
    async noteMeetingTick(progressId: string, note: string): Promise<void> {
      await write(db, deps, ['progress', 'meetings'], async (w) => {
        const tick = await w.get('progress', progressId);
        if (!tick || tick.deletedAt || !tick.meetingId) {
          throw new WriteError('not_found', 'ไม่พบการลงผลนี้ อาจถูกยกเลิกไปแล้ว');
        }
        const meeting = await w.get('meetings', tick.meetingId as string);
        if (!canEditTickNote(Boolean(meeting?.closedAt), tick as { corrects?: string | null })) {
          throw new WriteError('invalid', 'ปิดการประชุมแล้ว บันทึกของการลงผลเดิมแก้ไม่ได้ ให้ลงผลใหม่เพื่อแก้ไข');
        }
        await w.patch('progress', progressId, { note: note.trim() });
      });
    },

    /** Undo a tick, unless its meeting is closed (then a correction is the way). */
    async undoMeetingTick(progressId: string): Promise<void> {
      await write(db, deps, ['progress', 'meetings'], async (w) => {
        const tick = await w.get('progress', progressId);
        if (tick?.meetingId) {
          const m = await w.get('meetings', tick.meetingId as string);
          if (m?.closedAt) throw new WriteError('invalid', 'ปิดการประชุมแล้ว ให้บันทึกผลใหม่เพื่อแก้ไขแทน');
        }
        await w.remove('progress', progressId);
      });
    },

    /** Creates the measure's record for the quarter, or changes the fields that differ. */
    async saveQuarterlyRecord(
      measureId: string,
      fiscalYear: number,
      quarter: Quarter,
      input: QuarterlyInput,
    ): Promise<string> {
      return write(db, deps, ['measures', 'quarterlyRecords'], async (w) => {
        const measure = await w.get('measures', measureId);
        if (!measure || measure.deletedAt) throw new WriteError('not_found', 'ไม่พบมาตรการนี้ อาจถูกลบไปแล้ว');
        const existing = (
          await db.quarterlyRecords
            .where('[measureId+fiscalYear+quarter]')
            .equals([measureId, fiscalYear, quarter])
            .toArray()
        ).find((r) => !r.deletedAt);
        if (existing) {
          await w.patch('quarterlyRecords', existing.id, { ...input });
          return existing.id;
        }
        // One id per measure and quarter, wherever it is written (an older
        // record under another id was found above, and is kept).
        const id = quarterlyRecordId(measureId, fiscalYear, quarter);
        if (await w.get('quarterlyRecords', id)) {
          // Written before and deleted since: brought back, with the new values.
          await w.restore('quarterlyRecords', id);
          await w.patch('quarterlyRecords', id, { ...input });
          return id;
        }
        const fields: QuarterlyRecordFields = {
          planId: measure.planId as string,
          measureId,
          fiscalYear,
          quarter,
          ...input,
        };
        return (await w.insert('quarterlyRecords', fields, id)).id;
      });
    },

    /**
     * Stores a photo or file and its evidence record together: a full quota
     * aborts both, so no record ever points at missing bytes.
     */
    async attachFile(planId: string, target: EvidenceTarget, file: PreparedFile): Promise<string> {
      return write(db, deps, ['files', 'evidence', target.table], async (w) => {
        const owner = await w.get(target.table, target.id);
        if (!owner || owner.deletedAt) throw new WriteError('not_found', 'ไม่พบรายการที่จะแนบหลักฐาน');
        if (!(await db.files.get(file.sha256))) {
          const row: FileRow = {
            sha256: file.sha256,
            blob: file.blob,
            thumb: file.thumb,
            type: file.type,
            size: file.blob.size,
            createdAt: w.now.toISOString(),
          };
          await db.files.add(row);
        }
        const fields: EvidenceFields = {
          planId,
          targetTable: target.table,
          targetId: target.id,
          kind: file.type.startsWith('image/') ? 'photo' : 'file',
          name: file.name,
          url: null,
          mimeType: file.type,
          size: file.blob.size,
          sha256: file.sha256,
          width: file.width,
          height: file.height,
        };
        return (await w.insert('evidence', fields)).id;
      });
    },

    async attachLink(planId: string, target: EvidenceTarget, link: LinkInput): Promise<string> {
      return write(db, deps, ['evidence', target.table], async (w) => {
        const owner = await w.get(target.table, target.id);
        if (!owner || owner.deletedAt) throw new WriteError('not_found', 'ไม่พบรายการที่จะแนบหลักฐาน');
        const fields: EvidenceFields = {
          planId,
          targetTable: target.table,
          targetId: target.id,
          kind: 'link',
          name: link.name,
          url: link.url,
          mimeType: null,
          size: null,
          sha256: null,
          width: null,
          height: null,
        };
        return (await w.insert('evidence', fields)).id;
      });
    },

    /** Hides the evidence; its bytes stay until no record points at them (agency may purge). */
    async removeEvidence(id: string): Promise<void> {
      await write(db, deps, ['evidence'], (w) => w.remove('evidence', id));
    },
  };
}

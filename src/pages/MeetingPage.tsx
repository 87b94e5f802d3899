import { useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { ConfirmButton } from '../components/ConfirmButton';
import { Disclosure } from '../components/Disclosure';
import { firstGroups, groupByMeasure, groupByUnit } from '../domain/meetingAgenda';
import { stepName } from '../components/StatusButtons';
import { formatCode, formatNumber, formatThaiDate, STATUS_LABELS } from '../domain/thaiFormat';
import type { TickStatus } from '../domain/types';
import { OpenConflictsNote } from './OpenConflictsNote';
import { announce } from '../hooks/announce';
import { useDigits } from '../hooks/data';
import { followUp, useMeetingView } from '../hooks/followUp';
import { showToast } from '../hooks/toast';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint';
import { EvidencePanel } from './EvidencePanel';
import { MeetingAgendaRow } from './MeetingAgendaRow';
import { PageState } from './PageState';
import { saveErrorMessage } from './useSubmit';

/** Agenda rows in the first frame: a 360 × 740 phone shows about three below the toolbar. */
const FIRST_ROWS = 5;

/**
 * Meeting mode: go through the quarter's actions, grouped by measure or by
 * responsible unit, one tap each. Works fully offline.
 */
export function MeetingPage() {
  const { params } = useRoute();
  const meetingId = params.meetingId ?? '';
  const view = useMeetingView(meetingId);
  const digits = useDigits();
  const [grouping, setGrouping] = useState<'measure' | 'unit'>('measure');
  const [openOnly, setOpenOnly] = useState(true);
  // Rows being saved: a second tap on one is ignored. The buttons stay enabled, so focus stays
  // on the one pressed (a disabled button drops focus to the page).
  const saving = useRef(new Set<string>());
  const [error, setError] = useState<string | null>(null);
  // The first frame shows the agenda's first rows (more than a phone screen holds), the rest follow.
  const painted = useAfterFirstPaint(view.status === 'ready');

  async function tick(actionId: string, name: string, status: TickStatus, note: string) {
    if (saving.current.has(actionId)) return;
    saving.current.add(actionId);
    setError(null);
    try {
      await followUp.tickInMeeting(meetingId, actionId, status, note);
      announce(`บันทึกแล้ว ${name}: ${STATUS_LABELS[status]}`);
    } catch (e) {
      setError(saveErrorMessage(e));
    } finally {
      saving.current.delete(actionId);
    }
  }

  return (
    <PageState result={view} notFound="ไม่พบการประชุมนี้">
      {({ plan, meeting, quarter, items, ticksByAction }) => {
        const closed = meeting.closedAt !== null;
        const n = (x: number) => formatNumber(x, { digits });
        const shown = openOnly
          ? items.filter((i) => i.status !== 'done' || ticksByAction[i.action.id])
          : items;
        const grouped = grouping === 'measure' ? groupByMeasure(shown, digits) : groupByUnit(shown);
        const groups = painted ? grouped : firstGroups(grouped, FIRST_ROWS);
        const ticked = Object.keys(ticksByAction).length;
        return (
          <section>
            <nav class="crumbs" aria-label="ตำแหน่ง">
              <a href={`/plans/${plan.id}`}>{plan.agency.name}</a> ›{' '}
              <a href={`/plans/${plan.id}/meetings`}>การประชุม</a>
            </nav>
            <h1 tabIndex={-1}>ประชุมครั้งที่ {formatCode(meeting.number, { digits })}</h1>
            <p class="meta">
              {meeting.title} · {formatThaiDate(meeting.date, { digits, long: true })} · ไตรมาส {n(quarter)}
              {meeting.attendees !== null && ` · ผู้เข้าประชุม ${n(meeting.attendees)} คน`}
            </p>
            <OpenConflictsNote table="meetings" id={meeting.id} digits={digits} />
            <p role="status" class="meeting-state">
              {closed
                ? 'ปิดการประชุมแล้ว: การลงผลเพิ่มจะบันทึกเป็นรายการแก้ไข ไม่แก้ของเดิม'
                : `ลงผลแล้ว ${n(ticked)} จาก ${n(items.length)} รายการ`}
            </p>
            <fieldset class="toolbar">
              <legend class="sr-only">การแสดงผล</legend>
              <label class="choice">
                <input
                  type="radio"
                  name="grouping"
                  checked={grouping === 'measure'}
                  onChange={() => setGrouping('measure')}
                />
                ตามมาตรการ
              </label>
              <label class="choice">
                <input
                  type="radio"
                  name="grouping"
                  checked={grouping === 'unit'}
                  onChange={() => setGrouping('unit')}
                />
                ตามผู้รับผิดชอบ
              </label>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={openOnly}
                  onChange={(e) => setOpenOnly((e.currentTarget as HTMLInputElement).checked)}
                />
                เฉพาะที่ยังไม่เสร็จ
              </label>
            </fieldset>
            {error && (
              <p role="alert" class="error">
                {error}
              </p>
            )}
            {groups.length === 0 && <p class="empty">ไม่มีขั้นตอนที่ต้องติดตามในไตรมาสนี้</p>}
            {groups.map((g) => (
              <section key={g.key} aria-label={g.title} class="agenda-group">
                <h2>{g.title}</h2>
                <ul class="actions">
                  {g.items.map((item) => {
                    const here = ticksByAction[item.action.id]?.[0];
                    return (
                      <MeetingAgendaRow
                        key={item.action.id}
                        meetingId={meeting.id}
                        item={item}
                        tickedHere={here}
                        closed={closed}
                        showMeasure={grouping === 'unit'}
                        digits={digits}
                        onTick={(s, note) =>
                          void tick(
                            item.action.id,
                            stepName(item.action.number, item.measure.number, digits),
                            s,
                            note,
                          )
                        }
                        onUndo={(id) =>
                          void followUp
                            .undoMeetingTick(id)
                            .catch((e: unknown) => setError(saveErrorMessage(e)))
                        }
                      >
                        {here && (
                          <Disclosure summary={`หลักฐานของ ${formatCode(item.action.number, { digits })}`}>
                            <EvidencePanel
                              planId={plan.id}
                              table="progress"
                              id={here.id}
                              label={`การลงผล ${formatCode(item.action.number, { digits })}`}
                            />
                          </Disclosure>
                        )}
                      </MeetingAgendaRow>
                    );
                  })}
                </ul>
              </section>
            ))}
            {painted && (
              // Below the agenda: made with the rest of it, after the first frame.
              <>
                <h2>หลักฐานการประชุม</h2>
                <p class="sub">รูปรายงานการประชุม ภาพกิจกรรม หรือลิงก์ประกาศบนเว็บไซต์</p>
                <EvidencePanel
                  planId={plan.id}
                  table="meetings"
                  id={meeting.id}
                  label={`การประชุมครั้งที่ ${formatCode(meeting.number, { digits })}`}
                />
                {meeting.notes && (
                  <>
                    <h2>บันทึกการประชุม</h2>
                    <p class="note">{meeting.notes}</p>
                  </>
                )}
                <div class="buttons">
                  <a class="btn" href={`/history/meetings/${meeting.id}`}>
                    ประวัติการแก้ไข
                  </a>
                </div>
                {!closed && (
                  <div class="buttons">
                    <ConfirmButton
                      label="ปิดการประชุม"
                      confirmLabel="ยืนยันปิดการประชุม"
                      onConfirm={() =>
                        void followUp
                          .closeMeeting(meeting.id)
                          .then(() => showToast({ message: 'ปิดการประชุมแล้ว' }))
                      }
                    />
                  </div>
                )}
              </>
            )}
          </section>
        );
      }}
    </PageState>
  );
}

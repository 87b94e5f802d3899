import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { TextArea, TextField } from '../components/Field';
import { FormError } from '../components/FormErrorSummary';
import { fiscalYearRange } from '../domain/fiscalCalendar';
import { validateMeeting, type MeetingForm } from '../domain/followUpValidation';
import { nextMeetingNumber } from '../domain/meetingAgenda';
import { formatCode, formatNumber, formatThaiDate, formatThaiMonthYear } from '../domain/thaiFormat';
import { useDigits } from '../hooks/data';
import { followUp, useMeetings } from '../hooks/followUp';
import { showToast } from '../hooks/toast';
import { useDraft } from '../hooks/useDraft';
import { todayInBangkok } from '../hooks/useToday';
import { PageState } from './PageState';
import { useSubmit } from './useSubmit';

function newMeetingForm(fiscalYear: number, numbers: readonly string[]): MeetingForm {
  const fy = fiscalYearRange(fiscalYear);
  const today = todayInBangkok();
  const date = today > fy.end ? fy.end : today < fy.start ? fy.start : today;
  return {
    date,
    number: nextMeetingNumber(numbers, fiscalYear),
    title: `การประชุมประจำเดือน${formatThaiMonthYear(date)}`,
    attendees: '',
    notes: '',
  };
}

/** The plan's monthly meetings, newest first, and starting a new one. */
export function MeetingsPage() {
  const { params } = useRoute();
  const planId = params.planId ?? '';
  const result = useMeetings(planId);
  const digits = useDigits();
  const { route } = useLocation();
  const ready = result.status === 'ready' ? result.value : null;
  const draft = useDraft<MeetingForm>(`meeting:new:${planId}`, () =>
    ready
      ? newMeetingForm(
          ready.plan.fiscalYear,
          ready.meetings.map((m) => m.meeting.number),
        )
      : { date: '', number: '', title: '', attendees: '', notes: '' },
  );
  useEffect(() => {
    if (ready)
      draft.reset(
        newMeetingForm(
          ready.plan.fiscalYear,
          ready.meetings.map((m) => m.meeting.number),
        ),
      );
  }, [ready?.plan.id, ready?.meetings.map((m) => m.meeting.number).join()]);
  const { errors, formError, busy, submit } = useSubmit(
    (form: MeetingForm) => validateMeeting(form, ready?.plan.fiscalYear ?? 0),
    async (input) => {
      const id = await followUp.createMeeting(planId, input);
      draft.clear();
      showToast({ message: 'เริ่มการประชุมแล้ว' });
      route(`/meetings/${id}`);
    },
  );

  return (
    <PageState result={result} notFound="แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว">
      {({ plan, meetings }) => {
        const f = draft.value;
        return (
          <section>
            <nav class="crumbs" aria-label="ตำแหน่ง">
              <a href={`/plans/${plan.id}`}>{plan.agency.name}</a>
            </nav>
            <h1 tabIndex={-1}>การประชุมประจำเดือน</h1>
            {meetings.length > 0 && (
              // The form comes after the list: in a meeting room, one tap gets there.
              <p class="buttons">
                <a href="#new-meeting" class="btn btn-primary">
                  + เริ่มการประชุมใหม่
                </a>
              </p>
            )}
            {meetings.length === 0 ? (
              <p class="empty">ยังไม่มีรายงานการประชุม</p>
            ) : (
              <ul class="cards">
                {meetings.map(({ meeting, ticks }) => (
                  <li key={meeting.id} class="card">
                    <a class="card-link" href={`/meetings/${meeting.id}`}>
                      <span class="card-title">
                        ครั้งที่ {formatCode(meeting.number, { digits })} · {meeting.title}
                      </span>
                      <span class="card-meta">
                        {formatThaiDate(meeting.date, { digits })} · ลงผล {formatNumber(ticks, { digits })}{' '}
                        รายการ · {meeting.closedAt ? 'ปิดการประชุมแล้ว' : 'กำลังดำเนินการ'}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <h2 id="new-meeting" tabIndex={-1}>
              เริ่มการประชุมใหม่
            </h2>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void submit(f);
              }}
            >
              <div class="row">
                <TextField
                  id="meeting-date"
                  type="date"
                  label="วันที่ประชุม"
                  value={f.date}
                  error={errors.date}
                  onValue={(date) => draft.update({ date })}
                />
                <TextField
                  id="meeting-number"
                  label="ครั้งที่"
                  hint="เช่น 3/2567"
                  value={f.number}
                  error={errors.number}
                  onValue={(number) => draft.update({ number })}
                />
              </div>
              <TextField
                id="meeting-title"
                label="ชื่อการประชุม"
                value={f.title}
                error={errors.title}
                onValue={(title) => draft.update({ title })}
              />
              <TextField
                id="meeting-attendees"
                label="จำนวนผู้เข้าประชุม"
                inputMode="numeric"
                value={f.attendees}
                error={errors.attendees}
                onValue={(attendees) => draft.update({ attendees })}
              />
              <TextArea
                id="meeting-notes"
                label="บันทึกการประชุม"
                value={f.notes}
                error={errors.notes}
                onValue={(notes) => draft.update({ notes })}
              />
              <FormError message={formError} />
              <div class="buttons">
                <button type="submit" class="btn btn-primary" disabled={busy}>
                  เริ่มประชุม
                </button>
              </div>
            </form>
          </section>
        );
      }}
    </PageState>
  );
}

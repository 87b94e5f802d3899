import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { ActionList, type ActionRow } from '../components/ActionList';
import { ConfirmButton } from '../components/ConfirmButton';
import { Findings } from '../components/Findings';
import { ProgressBar } from '../components/ProgressBar';
import { stepName } from '../components/StatusButtons';
import { formatNumber, formatPeriod, STATUS_LABELS } from '../domain/thaiFormat';
import type { TickStatus } from '../domain/types';
import { validateTick } from '../domain/validation';
import { commands } from '../hooks/commands';
import { useDigits } from '../hooks/data';
import { useMeasureDetail } from '../hooks/planData';
import { showToast } from '../hooks/toast';
import { todayInBangkok } from '../hooks/useToday';
import { tickDateFor, TickPanel } from './TickPanel';
import { PageState } from './PageState';
import { saveErrorMessage } from './useSubmit';

/**
 * One measure: its steps and methods first, each ticked with one tap (or
 * through the form, with a date and a note), then the findings behind it,
 * folded away.
 */
export function MeasurePage() {
  const { params } = useRoute();
  const measureId = params.measureId ?? '';
  const detail = useMeasureDetail(measureId, { shown: true });
  const digits = useDigits();
  const { route } = useLocation();
  const [openId, setOpenId] = useState<string | null>(null);
  // The row whose form just closed: focus goes back to its "ลงผล" button, and the row is shown.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saving = useRef(false);

  useEffect(() => {
    if (!returnTo) return;
    const button = document.getElementById(`tick-toggle-${returnTo}`);
    button?.focus({ preventScroll: true });
    button?.closest('li')?.scrollIntoView({ block: 'nearest' });
    setReturnTo(null);
  }, [returnTo]);

  return (
    <PageState result={detail} notFound="มาตรการนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว">
      {({ plan, measure, methods, steps, progress }) => {
        async function quickTick(row: ActionRow, status: TickStatus) {
          // One save at a time; the buttons stay enabled so that focus stays on the one pressed.
          if (saving.current) return;
          saving.current = true;
          setError(null);
          const name = stepName(row.action.number, measure.number, digits);
          try {
            const today = todayInBangkok();
            const checked = validateTick(
              { date: tickDateFor(plan.fiscalYear, today), status, note: '' },
              plan.fiscalYear,
              today,
            );
            if (!checked.ok) {
              setError(`ลงผล ${name} ไม่ได้: ${Object.values(checked.errors).join(' ')}`);
              return;
            }
            const id = await commands.tickAction(row.action.id, checked.value);
            showToast({
              message: `บันทึกผล ${name} แล้ว: ${STATUS_LABELS[status]}`,
              actionLabel: 'เลิกทำ',
              onAction: () => void commands.undoTick(id),
            });
          } catch (e) {
            setError(saveErrorMessage(e));
          } finally {
            saving.current = false;
          }
        }
        const list = (title: string, rows: typeof methods) => (
          <ActionList
            title={title}
            rows={rows}
            measureNumber={measure.number}
            openId={openId}
            digits={digits}
            onToggle={(id) => setOpenId(openId === id ? null : id)}
            onTick={(row, status) => void quickTick(row, status)}
            renderTick={({ action }) => (
              <TickPanel
                actionId={action.id}
                actionLabel={stepName(action.number, measure.number, digits)}
                fiscalYear={plan.fiscalYear}
                digits={digits}
                onDone={() => {
                  setOpenId(null);
                  setReturnTo(action.id);
                }}
              />
            )}
          />
        );
        return (
          <section>
            <nav class="crumbs" aria-label="ตำแหน่ง">
              <a href="/">แผนทั้งหมด</a> › <a href={`/plans/${plan.id}`}>{plan.agency.name}</a>
            </nav>
            <h1 tabIndex={-1}>
              มาตรการที่ {formatNumber(measure.number, { digits })} {measure.title}
            </h1>
            <dl class="facts">
              <dt>ผู้รับผิดชอบ</dt>
              <dd>{measure.responsible || '–'}</dd>
              <dt>ระยะเวลา</dt>
              <dd>{measure.period ? formatPeriod(measure.period, { digits }) : 'ไม่ได้ระบุ'}</dd>
            </dl>
            <ProgressBar progress={progress} label="ความคืบหน้าของมาตรการ" digits={digits} />
            {error && (
              <p role="alert" class="error">
                {error}
              </p>
            )}
            {/* Steps first: ticking one is what is done here most often. */}
            {list('ขั้นตอนหรือวิธีการปฏิบัติ', steps)}
            {list('วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', methods)}
            <Findings
              items={measure.items}
              indicators={measure.indicators}
              findings={measure.findings}
              digits={digits}
            />
            <div class="buttons">
              <a class="btn btn-primary" href={`/measures/${measure.id}/actions/new`}>
                + เพิ่มวิธีการหรือขั้นตอน
              </a>
              <a class="btn" href={`/measures/${measure.id}/edit`}>
                แก้ไขมาตรการ
              </a>
              <ConfirmButton
                label="ลบมาตรการ"
                confirmLabel="ยืนยันการลบมาตรการนี้"
                onConfirm={() =>
                  void commands.deleteMeasure(measure.id).then(() => {
                    route(`/plans/${plan.id}`, true);
                    showToast({
                      message: 'ลบมาตรการแล้ว',
                      actionLabel: 'เลิกทำ',
                      onAction: () => void commands.restore('measures', measure.id),
                    });
                  })
                }
              />
            </div>
          </section>
        );
      }}
    </PageState>
  );
}

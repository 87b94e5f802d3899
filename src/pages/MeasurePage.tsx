import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { ActionList } from '../components/ActionList';
import { ConfirmButton } from '../components/ConfirmButton';
import { Findings } from '../components/Findings';
import { ProgressBar } from '../components/ProgressBar';
import { formatNumber, formatPeriod } from '../domain/thaiFormat';
import { commands } from '../hooks/commands';
import { useDigits, useMeasureDetail } from '../hooks/data';
import { showToast } from '../hooks/toast';
import { PageState } from './PageState';
import { TickPanel } from './TickPanel';

/** One measure: the findings behind it, its methods and steps, and ticking them. */
export function MeasurePage() {
  const { params } = useRoute();
  const measureId = params.measureId ?? '';
  const detail = useMeasureDetail(measureId);
  const digits = useDigits();
  const { route } = useLocation();
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <PageState result={detail} notFound="มาตรการนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว">
      {({ plan, measure, methods, steps, progress }) => {
        const list = (title: string, rows: typeof methods) => (
          <ActionList
            title={title}
            rows={rows}
            openId={openId}
            digits={digits}
            onToggle={(id) => setOpenId(openId === id ? null : id)}
            renderTick={({ action }) => (
              <TickPanel
                actionId={action.id}
                actionLabel={action.number}
                fiscalYear={plan.fiscalYear}
                digits={digits}
                onDone={() => setOpenId(null)}
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
            <ProgressBar progress={progress} label="ความคืบหน้าของมาตรการ" />
            <Findings
              items={measure.items}
              indicators={measure.indicators}
              findings={measure.findings}
              digits={digits}
            />
            {list('วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', methods)}
            {list('ขั้นตอนหรือวิธีการปฏิบัติ', steps)}
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

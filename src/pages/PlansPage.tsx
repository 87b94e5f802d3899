import { ProgressBar } from '../components/ProgressBar';
import { formatNumber } from '../domain/thaiFormat';
import { useDigits, usePlans, usePlansProgress } from '../hooks/data';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint';
import { PageState } from './PageState';

/** The first screen: the plans on this device, or the ways to start. */
export function PlansPage() {
  const plans = usePlans({ shown: true });
  // Counted from every tick of every year: read once the list is on screen.
  const progress = usePlansProgress(useAfterFirstPaint(plans.status === 'ready'));
  const digits = useDigits();
  return (
    <PageState result={plans} notFound="" showsDates={false}>
      {(list) => (
        <section>
          <h1 tabIndex={-1}>แผนมาตรการของหน่วยงาน</h1>
          {list.length === 0 ? (
            <div class="empty">
              <p>ยังไม่มีแผนในเครื่องนี้ เริ่มจากนำเข้าเอกสารมาตรการของหน่วยงาน ลองใช้แผนตัวอย่าง หรือสร้างแผนเอง</p>
              <p class="buttons">
                <a href="/import" class="btn btn-primary">
                  นำเข้าเอกสารมาตรการของหน่วยงาน
                </a>
                <a href="/import?sample=1" class="btn">
                  ลองใช้แผนตัวอย่าง
                </a>
              </p>
            </div>
          ) : (
            <ul class="cards">
              {list.map(({ plan, measureCount }) => (
                <li key={plan.id} class="card">
                  <a href={`/plans/${plan.id}`} class="card-link">
                    <span class="card-title">{plan.agency.name}</span>
                    <span class="card-meta">
                      ปีงบประมาณ {formatNumber(plan.fiscalYear, { digits })} ·{' '}
                      {formatNumber(measureCount, { digits })} มาตรการ
                    </span>
                  </a>
                  <ProgressBar
                    progress={progress.status === 'ready' ? (progress.value?.[plan.id] ?? null) : null}
                    digits={digits}
                    label={`ความคืบหน้า ${plan.agency.name}`}
                  />
                </li>
              ))}
            </ul>
          )}
          <p class="buttons">
            <a href="/plans/new" class="btn btn-primary">
              + สร้างแผนใหม่
            </a>
            {list.length > 0 && (
              <a href="/import" class="btn">
                นำเข้าเอกสาร
              </a>
            )}
            <a href="/export" class="btn">
              ส่งออกและส่งรายงาน
            </a>
            <a href="/import-file" class="btn">
              นำเข้าไฟล์ส่งออก
            </a>
          </p>
        </section>
      )}
    </PageState>
  );
}

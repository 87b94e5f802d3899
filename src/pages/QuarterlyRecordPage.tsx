import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { TextArea, TextField } from '../components/Field';
import { FormError } from '../components/FormErrorSummary';
import { OpenConflictsNote } from './OpenConflictsNote';
import { validateQuarterly, type QuarterlyForm } from '../domain/followUpValidation';
import { formatBahtInput } from '../domain/bahtInput';
import { formatNumber, type DigitStyle } from '../domain/thaiFormat';
import type { QuarterlyRecordFields } from '../domain/types';
import { useDigits } from '../hooks/data';
import { followUp, useQuarterView } from '../hooks/followUp';
import { showToast } from '../hooks/toast';
import { useDraft } from '../hooks/useDraft';
import { parseQuarter } from './currentQuarter';
import { EvidencePanel } from './EvidencePanel';
import { PageState } from './PageState';
import { useSubmit } from './useSubmit';

function formOf(r: QuarterlyRecordFields, digits: DigitStyle): QuarterlyForm {
  return {
    results: r.results,
    // As it was typed: "15,000", not "15000".
    budgetSpent: formatBahtInput(r.budgetSpent, digits),
    problems: r.problems,
    suggestions: r.suggestions,
    progress: r.progress === null ? '' : formatNumber(r.progress, { digits }),
    status: r.status,
  };
}

/**
 * The quarterly follow-up record of one measure. A new one starts from the
 * quarter's ticks, notes and meetings, so the person edits rather than writes.
 */
export function QuarterlyRecordPage() {
  const { params } = useRoute();
  const planId = params.planId ?? '';
  const measureId = params.measureId ?? '';
  const quarter = parseQuarter(params.quarter) ?? 1;
  const view = useQuarterView(planId, quarter);
  const digits = useDigits();
  const row =
    view.status === 'ready' ? view.value?.measures.find((m) => m.measure.id === measureId) : undefined;
  const draft = useDraft<QuarterlyForm>(`quarterly:${measureId}:${quarter}`, () => ({
    results: '',
    budgetSpent: '',
    problems: '',
    suggestions: '',
    progress: '',
    status: 'draft',
  }));
  useEffect(() => {
    if (row) draft.reset(formOf(row.record ?? row.prefill, digits));
  }, [row?.measure.id, row?.record?.id]);

  const { errors, formError, busy, submit } = useSubmit(validateQuarterly, async (input) => {
    if (!view.status || view.status !== 'ready' || !view.value) return;
    await followUp.saveQuarterlyRecord(measureId, view.value.plan.fiscalYear, quarter, input);
    draft.clear();
    showToast({ message: input.status === 'final' ? 'บันทึกฉบับสมบูรณ์แล้ว' : 'บันทึกฉบับร่างแล้ว' });
  });

  const result =
    view.status === 'ready'
      ? { status: 'ready' as const, value: row && view.value ? { ...row, plan: view.value.plan } : null }
      : view;
  return (
    <PageState result={result} notFound="ไม่พบมาตรการนี้">
      {({ plan, measure, record }) => {
        const f = draft.value;
        return (
          <section>
            <nav class="crumbs" aria-label="ตำแหน่ง">
              <a href={`/plans/${plan.id}`}>{plan.agency.name}</a> ›{' '}
              <a href={`/plans/${plan.id}/quarters/${quarter}`}>ไตรมาส {formatNumber(quarter, { digits })}</a>
            </nav>
            <h1 tabIndex={-1}>
              บันทึกรายงานผลไตรมาส {formatNumber(quarter, { digits })}/
              {formatNumber(plan.fiscalYear, { digits })}
            </h1>
            <p class="meta">
              มาตรการที่ {formatNumber(measure.number, { digits })} {measure.title}
            </p>
            {record && <OpenConflictsNote table="quarterlyRecords" id={record.id} digits={digits} />}
            {!record && (
              <p class="hint" role="note">
                ร่างนี้เติมจากการลงผลและการประชุมของไตรมาสนี้ให้แล้ว แก้ไขให้ตรงกับที่ดำเนินการจริงก่อนบันทึก
              </p>
            )}
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void submit(f);
              }}
            >
              <TextArea
                id="results"
                label="ผลการดำเนินงาน"
                rows={8}
                value={f.results}
                error={errors.results}
                onValue={(results) => draft.update({ results })}
              />
              <div class="row">
                <TextField
                  id="budgetSpent"
                  label="งบประมาณที่ใช้ (บาท)"
                  inputMode="decimal"
                  value={f.budgetSpent}
                  error={errors.budgetSpent}
                  onValue={(budgetSpent) => draft.update({ budgetSpent })}
                />
                <TextField
                  id="progress"
                  label="ความก้าวหน้า (ร้อยละ)"
                  inputMode="numeric"
                  value={f.progress}
                  error={errors.progress}
                  onValue={(progress) => draft.update({ progress })}
                />
              </div>
              <TextArea
                id="problems"
                label="ปัญหา อุปสรรค"
                value={f.problems}
                error={errors.problems}
                onValue={(problems) => draft.update({ problems })}
              />
              <TextArea
                id="suggestions"
                label="ข้อเสนอแนะ"
                value={f.suggestions}
                error={errors.suggestions}
                onValue={(suggestions) => draft.update({ suggestions })}
              />
              <fieldset class="status-choice">
                <legend>สถานะของบันทึก</legend>
                {(['draft', 'final'] as const).map((s) => (
                  <label key={s} class="choice">
                    <input
                      type="radio"
                      name="q-status"
                      checked={f.status === s}
                      onChange={() => draft.update({ status: s })}
                    />
                    <span>{s === 'draft' ? 'ฉบับร่าง' : 'ฉบับสมบูรณ์'}</span>
                  </label>
                ))}
              </fieldset>
              <FormError message={formError} />
              <div class="buttons">
                <button type="submit" class="btn btn-primary" disabled={busy}>
                  บันทึก
                </button>
                {record && (
                  <a class="btn" href={`/history/quarterlyRecords/${record.id}`}>
                    ประวัติการแก้ไข
                  </a>
                )}
              </div>
            </form>
            <h2>หลักฐาน</h2>
            {record ? (
              <EvidencePanel planId={plan.id} table="quarterlyRecords" id={record.id} label="บันทึกรายไตรมาส" />
            ) : (
              <p class="sub">บันทึกก่อน แล้วจึงแนบหลักฐานได้</p>
            )}
          </section>
        );
      }}
    </PageState>
  );
}

import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field, TextArea, TextField } from '../components/Field';
import { SaveCancel } from '../components/SaveCancel';
import { nextActionNumber } from '../domain/numbering';
import { validateAction, type ActionForm } from '../domain/validation';
import { commands } from '../hooks/commands';
import { useActionContext, useMeasureDetail } from '../hooks/planData';
import { showToast } from '../hooks/toast';
import { useDraft } from '../hooks/useDraft';
import { useSubmit } from './useSubmit';

/** Add a method or step (`/measures/:measureId/actions/new`) or edit one (`/actions/:actionId/edit`). */
export function ActionFormPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const actionId = params.actionId;
  const ctx = useActionContext(actionId ?? '');
  const existing = ctx.status === 'ready' ? ctx.value : null;
  const measureId = params.measureId ?? existing?.measure.id ?? '';
  const detail = useMeasureDetail(measureId);
  const measure = detail.status === 'ready' ? detail.value : null;
  const draft = useDraft<ActionForm>(`action:${actionId ?? `new:${measureId}`}`, () => ({
    kind: 'step',
    number: '',
    text: '',
  }));

  const numbers = measure ? [...measure.methods, ...measure.steps].map((r) => r.action.number) : [];
  useEffect(() => {
    if (existing) {
      draft.reset({ kind: existing.action.kind, number: existing.action.number, text: existing.action.text });
    } else if (!actionId && measure) {
      draft.reset({ kind: 'step', number: nextActionNumber('step', numbers), text: '' });
    }
  }, [existing?.action.id, measure?.measure.id]);

  const { errors, formError, busy, submit } = useSubmit(validateAction, async (input) => {
    if (actionId) await commands.updateAction(actionId, input);
    else await commands.createAction(measureId, input);
    draft.clear();
    showToast({ message: 'บันทึกแล้ว' });
    route(`/measures/${measureId}`, true);
  });

  if (!measure) {
    const loading = detail.status === 'loading' || ctx.status === 'loading';
    return (
      <section>
        <h1 tabIndex={-1}>{loading ? 'กำลังโหลด…' : 'ไม่พบรายการนี้'}</h1>
        {!loading && <a href="/">กลับหน้าแรก</a>}
      </section>
    );
  }
  const f = draft.value;
  return (
    <section>
      <h1 tabIndex={-1}>{actionId ? 'แก้ไขวิธีการหรือขั้นตอน' : 'เพิ่มวิธีการหรือขั้นตอน'}</h1>
      <p class="meta">
        มาตรการที่ {measure.measure.number} {measure.measure.title}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(f);
        }}
      >
        <Field id="kind" label="ประเภท" error={errors.kind}>
          {(aria) => (
            <select
              {...aria}
              value={f.kind}
              onChange={(e) => {
                const kind = (e.currentTarget as HTMLSelectElement).value as 'method' | 'step';
                draft.update(actionId ? { kind } : { kind, number: nextActionNumber(kind, numbers) });
              }}
            >
              <option value="method">วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ (1.x)</option>
              <option value="step">ขั้นตอนหรือวิธีการปฏิบัติ (3.x)</option>
            </select>
          )}
        </Field>
        <TextField
          id="number"
          label="ลำดับ"
          inputMode="decimal"
          value={f.number}
          error={errors.number}
          onValue={(number) => draft.update({ number })}
        />
        <TextArea
          id="text"
          label="รายละเอียด"
          value={f.text}
          error={errors.text}
          onValue={(text) => draft.update({ text })}
        />
        <SaveCancel
          formError={formError}
          busy={busy}
          onCancel={() => {
            draft.clear();
            history.back();
          }}
        >
          {actionId && (
            <ConfirmButton
              label="ลบรายการนี้"
              confirmLabel="ยืนยันการลบ"
              onConfirm={() =>
                void commands.deleteAction(actionId).then(() => {
                  draft.clear();
                  route(`/measures/${measureId}`, true);
                  showToast({
                    message: 'ลบแล้ว',
                    actionLabel: 'เลิกทำ',
                    onAction: () => void commands.restore('actions', actionId),
                  });
                })
              }
            />
          )}
        </SaveCancel>
      </form>
    </section>
  );
}

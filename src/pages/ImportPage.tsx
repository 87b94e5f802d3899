import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { v7 as uuidv7 } from 'uuid';
import { DuplicateChoice } from '../components/DuplicateChoice';
import { ImportReview } from '../components/ImportReview';
import { ImportSource } from '../components/ImportSource';
import { TaskProgress } from '../components/TaskProgress';
import type { ExportPlan } from '../domain/exportDocument';
import { catalogueChoices } from '../domain/catalogue/itaCatalogue';
import {
  addAction,
  draftFromPlan,
  importErrorMessage,
  MAX_IMPORT_BYTES,
  removeAction,
  updateAction,
  updateIndicator,
  updateItem,
  updateMeasure,
  validateDraft,
  type ImportDraft,
} from '../domain/importer/reviewPlan';
import { dismissWarning, dismissWarnings } from '../domain/importer/reviewWarnings';
import { summariseRepairs } from '../domain/thaiText/repairThaiText';
import { formatNumber } from '../domain/thaiFormat';
import type { Plan } from '../domain/types';
import { importer } from '../hooks/commands';
import { useDigits } from '../hooks/data';
import { readDocumentFile } from '../hooks/loadDocumentLibraries';
import { parseDocument } from '../hooks/parseDocument';
import { showToast } from '../hooks/toast';
import { useDraft } from '../hooks/useDraft';
import './ImportPage.css';
import { saveErrorMessage } from './useSubmit';

/** The bundled example (test/fixtures' document), served from public/ and precached. */
export const SAMPLE_URL = '/samples/example-measures.txt';
const SAMPLE_NAME = 'แผนตัวอย่าง';

type Work = { label: string; fraction: number | null } | null;
type SourceKind = Parameters<typeof importErrorMessage>[1];

/**
 * Import a measures document: read it (file, pasted text or the example),
 * parse it off the main thread, let the person review and fix it, then save
 * it in one transaction. Nothing is written before "บันทึก"; the review
 * survives a reload in a session draft.
 */
export function ImportPage() {
  const { route, query } = useLocation();
  const digits = useDigits();
  const draft = useDraft<{ review: ImportDraft | null }>('import', () => ({ review: null }));
  const review = draft.value.review;
  const [work, setWork] = useState<Work>(null);
  const [sourceError, setSourceError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<{ plan: ExportPlan; existing: Plan } | null>(null);
  const [busy, setBusy] = useState(false);
  const reviewHeading = useRef<HTMLHeadingElement>(null);

  const fail = (message: string) => {
    setWork(null);
    setSourceError(message);
  };

  async function parseText(text: string, source: string, kind: SourceKind) {
    setSourceError(null);
    if (text.length > MAX_IMPORT_BYTES)
      return fail(importErrorMessage({ code: 'too-large', message: '' }, kind));
    setWork({ label: 'กำลังแยกมาตรการจากเอกสาร', fraction: 0 });
    const result = await parseDocument(text, (fraction) =>
      setWork({ label: 'กำลังแยกมาตรการจากเอกสาร', fraction }),
    );
    if (!result.ok) return fail(importErrorMessage(result.error, kind));
    const plan = result.document.plans[0];
    if (!plan) return fail(importErrorMessage({ code: 'no-measures', message: '' }, kind));
    setWork(null);
    setErrors({});
    setFormError(null);
    draft.update({
      review: draftFromPlan(plan, source, { text, repairs: summariseRepairs(result.repairs) }),
    });
  }

  /** The same document read again with another year's catalogue; the header as typed is kept. */
  async function rereadWith(catalogueYear: number | null) {
    if (!review?.text) return;
    const label = 'กำลังอ่านรหัสข้อใหม่';
    setWork({ label, fraction: 0 });
    const result = await parseDocument(
      review.text,
      (fraction) => setWork({ label, fraction }),
      catalogueYear,
    );
    setWork(null);
    const plan = result.ok ? result.document.plans[0] : undefined;
    if (!result.ok || !plan) return setFormError('อ่านเอกสารใหม่ไม่ได้ กรุณาเปิดเอกสารอีกครั้ง');
    setErrors({});
    draft.update({
      review: {
        ...draftFromPlan(plan, review.source, {
          text: review.text,
          repairs: summariseRepairs(result.repairs),
        }),
        header: review.header,
      },
    });
    showToast({ message: 'อ่านรหัสข้อใหม่ตามเกณฑ์ที่เลือกแล้ว' });
  }

  async function openFile(file: File) {
    setSourceError(null);
    if (file.size > MAX_IMPORT_BYTES)
      return fail(importErrorMessage({ code: 'too-large', message: '' }, 'text'));
    const label = `กำลังอ่านไฟล์ ${file.name}`;
    setWork({ label, fraction: null });
    try {
      const extracted = await readDocumentFile(file, (fraction) => setWork({ label, fraction }));
      if (!extracted.ok) return fail(importErrorMessage(extracted.error, extracted.kind));
      await parseText(extracted.text, file.name, extracted.kind);
    } catch {
      fail('อ่านไฟล์นี้ไม่ได้ กรุณาเลือกไฟล์อีกครั้ง หรือคัดลอกข้อความมาวางแทน');
    }
  }

  async function openSample() {
    setSourceError(null);
    setWork({ label: 'กำลังเปิดแผนตัวอย่าง', fraction: null });
    let text: string;
    try {
      const response = await fetch(SAMPLE_URL);
      if (!response.ok) throw new Error(String(response.status));
      text = await response.text();
    } catch {
      return fail('เปิดแผนตัวอย่างไม่ได้ กรุณาเชื่อมต่ออินเทอร์เน็ตแล้วลองใหม่');
    }
    await parseText(text, SAMPLE_NAME, 'text');
  }

  // "ลองใช้แผนตัวอย่าง" on the first screen links here with ?sample=1: read it straight away.
  useEffect(() => {
    if (query.sample === '1' && !review) void openSample();
  }, []);

  // The review replaces the choices: move focus to its heading so a screen reader follows.
  useEffect(() => {
    if (review) reviewHeading.current?.focus();
  }, [review === null]);

  const edit = (change: (plan: ExportPlan) => ExportPlan, more: Partial<ImportDraft> = {}) => {
    if (review) draft.update({ review: { ...review, ...more, plan: change(review.plan), edited: true } });
  };

  async function save(plan: ExportPlan, mode: 'new' | 'replace' | 'copy', replaceId?: string) {
    setBusy(true);
    try {
      const { planId } = await importer.importPlan(plan, mode, replaceId);
      draft.clear();
      showToast({
        message:
          mode === 'replace'
            ? 'แทนที่แผนเดิมด้วยเอกสารที่นำเข้าแล้ว'
            : `นำเข้าแผนแล้ว ${formatNumber(plan.measures.length, { digits })} มาตรการ`,
      });
      route(`/plans/${planId}`, true);
    } catch (e) {
      setDuplicate(null);
      setFormError(saveErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function onSave() {
    if (!review) return;
    const checked = validateDraft(review);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError('กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง');
      return;
    }
    setErrors({});
    setFormError(null);
    const existing = await importer.findPlanLike(checked.value.agency.name, checked.value.fiscalYear);
    const first = existing[0];
    if (first) setDuplicate({ plan: checked.value, existing: first });
    else await save(checked.value, 'new');
  }

  function cancel() {
    draft.clear();
    route('/');
  }

  return (
    <section>
      <nav class="crumbs" aria-label="ตำแหน่ง">
        <a href="/">แผนทั้งหมด</a>
      </nav>
      <h1 tabIndex={-1}>นำเข้าเอกสารมาตรการ</h1>
      {work && <TaskProgress label={work.label} fraction={work.fraction} />}
      {!review && (
        <>
          <p>
            นำเข้าเอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA) ของหน่วยงาน แอปจะแยกมาตรการ วิธีการ
            ขั้นตอน ผู้รับผิดชอบ และระยะเวลาให้ตรวจทานก่อนบันทึก
          </p>
          <ImportSource
            busy={work !== null}
            error={sourceError}
            onFile={(file) => void openFile(file)}
            onPaste={(text) => void parseText(text, 'ข้อความที่วาง', 'paste')}
            onSample={() => void openSample()}
          />
        </>
      )}
      {review && (
        <ImportReview
          draft={review}
          errors={errors}
          formError={formError}
          busy={busy || duplicate !== null}
          digits={digits}
          headingRef={reviewHeading}
          catalogues={catalogueChoices()}
          onCatalogue={(year) => void rereadWith(year)}
          onHeader={(patch) =>
            draft.update({ review: { ...review, header: { ...review.header, ...patch } } })
          }
          onMeasure={(i, patch) => edit((plan) => updateMeasure(plan, i, patch))}
          onItem={(i, k, patch) => edit((plan) => updateItem(plan, i, k, patch))}
          onIndicator={(i, k, patch) => edit((plan) => updateIndicator(plan, i, k, patch))}
          onBudget={(i, typed) => {
            const m = review.plan.measures[i];
            if (!m) return;
            edit((plan) => dismissWarnings(plan, m.number, ['budget']), {
              budgetInputs: { ...review.budgetInputs, [m.id]: typed },
            });
          }}
          onAction={(i, id, patch) => edit((plan) => updateAction(plan, i, id, patch))}
          onAddAction={(i, kind, from) =>
            edit((plan) => {
              const added = addAction(plan, i, kind, uuidv7(), from?.text ?? '');
              return from ? dismissWarning(added, from.warning) : added;
            })
          }
          onRemoveAction={(i, id) => edit((plan) => removeAction(plan, i, id))}
          onDismiss={(warning) => edit((plan) => dismissWarning(plan, warning))}
          onSave={() => void onSave()}
          onCancel={cancel}
        />
      )}
      {duplicate && (
        <DuplicateChoice
          agencyName={duplicate.existing.agency.name}
          fiscalYear={duplicate.existing.fiscalYear}
          digits={digits}
          busy={busy}
          onReplace={() => void save(duplicate.plan, 'replace', duplicate.existing.id)}
          onKeepBoth={() => void save(duplicate.plan, 'copy')}
          onCancel={() => setDuplicate(null)}
        />
      )}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { TextField } from '../components/Field';
import type { DocPhoto } from '../domain/report/docModel';
import { validateSignatures } from '../domain/report/reportValidation';
import type { DigitStyle } from '../domain/thaiFormat';
import type { ReportSignatures } from '../domain/types';
import { photoBlob, planCommands } from '../hooks/report';
import { showToast } from '../hooks/toast';
import { reportPhoto } from './reportPhoto';
import type { PhotoMap } from './DocumentView';
import { useSubmit } from './useSubmit';

/** Thai digits (the custom in official documents) or Arabic ones. */
export function DigitsChoice({ value, onChange }: { value: DigitStyle; onChange: (d: DigitStyle) => void }) {
  return (
    <fieldset class="report-options no-print">
      <legend>ตัวเลขในเอกสาร</legend>
      {(
        [
          ['thai', 'เลขไทย (๑ ๒ ๓)'],
          ['arabic', 'เลขอารบิก (1 2 3)'],
        ] as const
      ).map(([digits, label]) => (
        <label key={digits}>
          <input
            type="radio"
            name="digits"
            value={digits}
            checked={value === digits}
            onChange={() => onChange(digits)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

const EMPTY: ReportSignatures = { reporterName: '', reporterPosition: '', headName: '', headPosition: '' };

/** Names and positions that sign the report, kept on the plan so they are typed once. Key it by `saved`. */
export function SignatureForm({
  planId,
  saved,
  locked,
}: {
  planId: string;
  saved: ReportSignatures | undefined;
  locked: boolean;
}) {
  const [form, setForm] = useState<ReportSignatures>(saved ?? EMPTY);
  useEffect(
    () => setForm(saved ?? EMPTY),
    [saved?.reporterName, saved?.reporterPosition, saved?.headName, saved?.headPosition],
  );
  const { errors, formError, busy, submit } = useSubmit(validateSignatures, async (value) => {
    await planCommands.saveSignatures(planId, value);
    showToast({ message: 'บันทึกผู้ลงนามแล้ว' });
  });
  const field = (key: keyof ReportSignatures, label: string) => (
    <TextField
      id={`sign-${key}`}
      label={label}
      value={form[key]}
      error={errors[key]}
      autoComplete="off"
      onValue={(v) => setForm({ ...form, [key]: v })}
    />
  );
  return (
    <details class="report-options no-print">
      <summary>ผู้ลงนามในรายงาน</summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(form);
        }}
      >
        {field('reporterName', 'ชื่อผู้รายงาน')}
        {field('reporterPosition', 'ตำแหน่งผู้รายงาน')}
        {field('headName', 'ชื่อผู้บริหาร (ผู้รับทราบ)')}
        {field('headPosition', 'ตำแหน่งผู้บริหาร')}
        <p class="hint">เว้นว่างไว้ได้: จะพิมพ์เป็นเส้นประให้เขียนด้วยมือ</p>
        {locked && <p class="hint">แผนนี้ล็อกอยู่ ปลดล็อกที่หน้าแผนก่อนจึงจะบันทึกชื่อได้ (รายงานยังพิมพ์ได้ตามปกติ)</p>}
        {formError && (
          <p class="error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" class="btn" disabled={busy || locked}>
          บันทึกผู้ลงนาม
        </button>
      </form>
    </details>
  );
}

/**
 * The appendix's photos, read from this device and made small
 * (reportPhoto), as object URLs for the preview and bytes for the .docx.
 */
export function useReportPhotos(photos: DocPhoto[]): PhotoMap | undefined {
  const [map, setMap] = useState<PhotoMap | undefined>(undefined);
  const key = photos.map((p) => p.sha256).join(',');
  useEffect(() => {
    if (photos.length === 0) {
      setMap(undefined);
      return;
    }
    let cancelled = false;
    const made: PhotoMap = new Map();
    void (async () => {
      for (const p of photos) {
        if (made.has(p.sha256)) continue;
        const blob = await photoBlob(p.sha256);
        if (!blob) continue;
        const small = await reportPhoto(blob, p);
        made.set(p.sha256, { ...small, url: URL.createObjectURL(small.blob) });
      }
      if (!cancelled) setMap(new Map(made));
    })();
    return () => {
      cancelled = true;
      for (const p of made.values()) URL.revokeObjectURL(p.url);
    };
  }, [key]);
  return map;
}

import latin400 from '@fontsource/sarabun/files/sarabun-latin-400-normal.woff2?url';
import latin700 from '@fontsource/sarabun/files/sarabun-latin-700-normal.woff2?url';
import thai400 from '@fontsource/sarabun/files/sarabun-thai-400-normal.woff2?url';
import thai700 from '@fontsource/sarabun/files/sarabun-thai-700-normal.woff2?url';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DocModel } from '../domain/report/docModel';
import { formatBytes } from '../domain/thaiFormat';
import type { ReportPhoto } from './reportPhoto';
import { renderDocHtml } from '../report/renderHtml';
import { reportCss } from '../report/reportCss';
import './Report.css';

const FONTS = { thai400, latin400, thai700, latin700 };
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type PhotoMap = Map<string, ReportPhoto & { url: string }>;

/** Saves bytes as a file in the browser's downloads (works offline: nothing leaves the phone). */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A printable document on screen, as it prints, with its two outputs: the
 * browser's print dialog (PDF on Android and iOS) and a .docx for Word. The
 * .docx writer (the docx library) loads only when asked for.
 */
export function DocumentView({ model, photos }: { model: DocModel; photos?: PhotoMap }) {
  const css = useMemo(() => reportCss(FONTS), []);
  const html = useMemo(() => renderDocHtml(model, (sha) => photos?.get(sha)?.url ?? null), [model, photos]);
  const [status, setStatus] = useState<{ busy: boolean; message: string; error: boolean }>({
    busy: false,
    message: '',
    error: false,
  });

  // The PDF a phone saves from the print dialog is named after the page title.
  useEffect(() => {
    const before = document.title;
    const onBefore = () => (document.title = model.fileName);
    const onAfter = () => (document.title = before);
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
    return () => {
      window.removeEventListener('beforeprint', onBefore);
      window.removeEventListener('afterprint', onAfter);
      document.title = before;
    };
  }, [model.fileName]);

  async function saveDocx() {
    setStatus({ busy: true, message: 'กำลังสร้างไฟล์ Word…', error: false });
    try {
      const { renderDocx } = await import('../report/renderDocx');
      const bytes = await renderDocx(model, async (sha) => {
        const p = photos?.get(sha);
        if (!p) return null;
        const type = p.blob.type === 'image/png' ? 'png' : 'jpg';
        return { data: new Uint8Array(await p.blob.arrayBuffer()), type, width: p.width, height: p.height };
      });
      const name = `${model.fileName}.docx`;
      download(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), name);
      setStatus({ busy: false, message: `บันทึกไฟล์ ${name} (${formatBytes(bytes.length)}) แล้ว`, error: false });
    } catch (e) {
      setStatus({
        busy: false,
        message: `สร้างไฟล์ Word ไม่สำเร็จ ลองใหม่อีกครั้ง (${e instanceof Error ? e.message : String(e)})`,
        error: true,
      });
    }
  }

  return (
    <>
      <div class="buttons no-print">
        <button type="button" class="btn btn-primary" onClick={() => window.print()}>
          พิมพ์ / บันทึกเป็น PDF
        </button>
        <button type="button" class="btn" disabled={status.busy} onClick={() => void saveDocx()}>
          ดาวน์โหลดไฟล์ Word (.docx)
        </button>
      </div>
      <p class={`no-print ${status.error ? 'error' : 'hint'}`} role={status.error ? 'alert' : 'status'}>
        {status.message}
      </p>
      <style>{css}</style>
      <div class="doc-preview" role="region" aria-label="ตัวอย่างเอกสารตามที่จะพิมพ์" tabIndex={0}>
        <div class="doc-sheet" dangerouslySetInnerHTML={{ __html: html }} />
      </div>
    </>
  );
}

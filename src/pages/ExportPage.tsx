import { useState } from 'preact/hooks';
import { Field } from '../components/Field';
import { UploadStatus } from '../components/UploadStatus';
import type { Quarter } from '../domain/fiscalCalendar';
import { formatNumber } from '../domain/thaiFormat';
import { useDigits, usePlans } from '../hooks/data';
import { makeExport, type MadeExport } from '../hooks/exportFile';
import { showToast } from '../hooks/toast';
import { queueExport, uploader, useUploadState } from '../hooks/upload';
import { saveErrorMessage } from './useSubmit';

/**
 * Export all plans, one plan or one quarter: save as a file, share (LINE,
 * e-mail) where the browser can, copy, or queue for the agency's server.
 */
export function ExportPage() {
  const plans = usePlans();
  const uploads = useUploadState();
  const digits = useDigits();
  const [scope, setScope] = useState('all');
  const [quarter, setQuarter] = useState<Quarter | 0>(0);
  const [includePhotos, setIncludePhotos] = useState(false);
  const [includeChanges, setIncludeChanges] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = plans.status === 'ready' ? plans.value : [];

  async function run(action: (made: MadeExport) => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      const made = await makeExport(
        scope === 'all'
          ? { kind: 'all' }
          : quarter
            ? { kind: 'quarter', planId: scope, quarter }
            : { kind: 'plan', planId: scope },
        { includePhotos, includeChanges },
      );
      await action(made);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError(saveErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const download = (made: MadeExport) => {
    const url = URL.createObjectURL(made.file);
    const a = document.createElement('a');
    a.href = url;
    a.download = made.file.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return Promise.resolve();
  };
  const canShare = typeof navigator.share === 'function';
  const upload = uploads.status === 'ready' ? uploads.value : null;

  return (
    <section>
      <nav class="crumbs" aria-label="ตำแหน่ง">
        <a href="/">แผนทั้งหมด</a>
      </nav>
      <h1 tabIndex={-1}>ส่งออกและส่งรายงาน</h1>
      <form onSubmit={(e) => e.preventDefault()}>
        <Field id="export-scope" label="ข้อมูลที่จะส่งออก">
          {(aria) => (
            <select
              {...aria}
              value={scope}
              onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="all">ทุกแผนในเครื่องนี้</option>
              {list.map(({ plan }) => (
                <option key={plan.id} value={plan.id}>
                  {plan.agency.name} ปีงบประมาณ {formatNumber(plan.fiscalYear, { digits })}
                </option>
              ))}
            </select>
          )}
        </Field>
        {scope !== 'all' && (
          <Field id="export-quarter" label="ช่วงเวลา">
            {(aria) => (
              <select
                {...aria}
                value={String(quarter)}
                onChange={(e) =>
                  setQuarter(Number((e.currentTarget as HTMLSelectElement).value) as Quarter | 0)
                }
              >
                <option value="0">ทั้งปี</option>
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    ไตรมาส {formatNumber(q, { digits })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <label class="choice">
          <input
            type="checkbox"
            checked={includePhotos}
            onChange={(e) => setIncludePhotos((e.currentTarget as HTMLInputElement).checked)}
          />
          รวมรูปภาพและไฟล์หลักฐาน (ไฟล์ zip)
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={includeChanges}
            onChange={(e) => setIncludeChanges((e.currentTarget as HTMLInputElement).checked)}
          />
          รวมประวัติการแก้ไข
        </label>
        {includePhotos && <p class="hint">รูปภาพมีข้อมูลส่วนบุคคล ส่งให้เฉพาะผู้เกี่ยวข้องในหน่วยงาน</p>}
        <div class="buttons">
          <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void run(download)}>
            บันทึกเป็นไฟล์
          </button>
          {canShare && (
            <button
              type="button"
              class="btn"
              disabled={busy}
              onClick={() =>
                void run(async (made) => {
                  if (navigator.canShare?.({ files: [made.file] })) {
                    await navigator.share({ files: [made.file], title: made.label });
                  } else {
                    await navigator.share({ title: made.label, text: made.json });
                  }
                })
              }
            >
              แชร์ (LINE, อีเมล)
            </button>
          )}
          <button
            type="button"
            class="btn"
            disabled={busy || includePhotos}
            onClick={() =>
              void run(async (made) => {
                await navigator.clipboard.writeText(made.json);
                showToast({ message: 'คัดลอกข้อมูลแล้ว' });
              })
            }
          >
            คัดลอก
          </button>
          <button
            type="button"
            class="btn"
            disabled={busy}
            onClick={() =>
              void run(async (made) => {
                await queueExport(made.id, made.label, made.json);
                showToast({ message: navigator.onLine ? 'กำลังส่งขึ้นเซิร์ฟเวอร์' : 'เก็บไว้ในคิว จะส่งเมื่อมีสัญญาณ' });
              })
            }
          >
            ส่งขึ้นเซิร์ฟเวอร์
          </button>
        </div>
        {busy && (
          <p role="status" class="sub">
            กำลังเตรียมไฟล์…
          </p>
        )}
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>

      <h2>การส่งขึ้นเซิร์ฟเวอร์ของหน่วยงาน</h2>
      {upload && (
        <UploadStatus
          enrolled={upload.server !== null}
          waiting={upload.waiting}
          lastSuccessAt={upload.status.lastSuccessAt}
          lastError={upload.status.lastError}
          recent={upload.recent}
          digits={digits}
          busy={busy}
          onSendNow={() => void uploader.send(true)}
        />
      )}
      <p>
        <a href="/import-file">นำเข้าไฟล์ส่งออกจากอุปกรณ์อื่น</a>
      </p>
    </section>
  );
}

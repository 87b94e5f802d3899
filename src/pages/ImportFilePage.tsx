import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ImportPreview } from '../db/importExport';
import { importExportFile, readExportFile, type ReadExport } from '../hooks/exportFile';
import { showToast } from '../hooks/toast';
import { saveErrorMessage } from './useSubmit';

const TABLE_LABELS: Record<keyof ImportPreview, string> = {
  plans: 'แผน',
  measures: 'มาตรการ',
  actions: 'วิธีการและขั้นตอน',
  progress: 'การลงผล',
  meetings: 'การประชุม',
  quarterlyRecords: 'บันทึกรายไตรมาส',
  evidence: 'หลักฐาน',
};

/**
 * Import an export file (JSON, or zip with photos) from another device: a
 * preview of what will change, then one merge. Nothing newer on this device
 * is overwritten; a bad file changes nothing.
 */
export function ImportFilePage() {
  const { route } = useLocation();
  const [read, setRead] = useState<ReadExport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    setRead(null);
    setBusy('กำลังตรวจสอบไฟล์…');
    try {
      const r = await readExportFile(file);
      if (r.ok) setRead(r);
      else setError(r.message);
    } catch (e) {
      setError(saveErrorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function confirm() {
    if (!read?.ok) return;
    setBusy('กำลังนำเข้า…');
    try {
      const result = await importExportFile(read.document, read.files);
      const changed = Object.values(result.preview).reduce((n, s) => n + s.added + s.updated, 0);
      route('/', true);
      showToast({
        message: changed === 0 ? 'ไม่มีข้อมูลใหม่ ข้อมูลในเครื่องเป็นปัจจุบันแล้ว' : `นำเข้าแล้ว ${changed} รายการ`,
      });
    } catch (e) {
      setError(saveErrorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const preview = read?.ok ? read.preview : null;
  return (
    <section>
      <nav class="crumbs" aria-label="ตำแหน่ง">
        <a href="/">แผนทั้งหมด</a> › <a href="/export">ส่งออกและส่งรายงาน</a>
      </nav>
      <h1 tabIndex={-1}>นำเข้าไฟล์ส่งออก</h1>
      <p>เลือกไฟล์ .json หรือ .zip ที่ส่งออกจากแอปนี้ในอุปกรณ์อื่น ข้อมูลจะรวมกับของเครื่องนี้ โดยไม่ทับงานที่ใหม่กว่า</p>
      <label class="btn btn-primary" for="export-file">
        เลือกไฟล์
      </label>
      <input
        id="export-file"
        class="sr-only"
        type="file"
        accept=".json,.zip,application/json,application/zip"
        onChange={(e) => void pick((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      {busy && (
        <p role="status" class="sub">
          {busy}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {preview && read?.ok && (
        <>
          <h2>สิ่งที่จะเปลี่ยน</h2>
          <div class="table-scroll">
            <table class="preview" data-testid="import-preview">
              <thead>
                <tr>
                  <th scope="col">ข้อมูล</th>
                  <th scope="col">เพิ่ม</th>
                  <th scope="col">ปรับปรุง</th>
                  <th scope="col">เหมือนเดิม</th>
                </tr>
              </thead>
              <tbody>
                {(Object.keys(TABLE_LABELS) as (keyof ImportPreview)[]).map((t) => (
                  <tr key={t}>
                    <th scope="row">{TABLE_LABELS[t]}</th>
                    <td>{preview[t].added}</td>
                    <td>{preview[t].updated}</td>
                    <td>{preview[t].unchanged}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {Object.values(preview).some((s) => s.keptNewer > 0) && (
            <p class="hint">บางรายการในเครื่องนี้ใหม่กว่าในไฟล์ จะคงค่าของเครื่องนี้ไว้</p>
          )}
          {read.files.size > 0 && <p class="sub">มีรูปภาพหรือไฟล์หลักฐาน {read.files.size} ไฟล์</p>}
          <div class="buttons">
            <button
              type="button"
              class="btn btn-primary"
              disabled={busy !== null}
              onClick={() => void confirm()}
            >
              นำเข้า
            </button>
            <button type="button" class="btn" onClick={() => setRead(null)}>
              ยกเลิก
            </button>
          </div>
        </>
      )}
    </section>
  );
}

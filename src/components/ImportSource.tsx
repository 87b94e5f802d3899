import { useState } from 'preact/hooks';
import { FormError } from './FormErrorSummary';

/**
 * The three ways into an import: open a file, paste the text, or try the
 * bundled example. Nothing is read here; the page does that.
 */
export function ImportSource({
  busy,
  error,
  onFile,
  onPaste,
  onSample,
}: {
  busy: boolean;
  error: string | null;
  onFile: (file: File) => void;
  onPaste: (text: string) => void;
  onSample: () => void;
}) {
  const [text, setText] = useState('');
  return (
    <div class="import-source">
      <FormError message={error} />
      <section class="card" aria-labelledby="import-file-title">
        <h2 id="import-file-title">เปิดไฟล์</h2>
        <label for="import-file" class="field-label">
          เลือกไฟล์เอกสารมาตรการ (.docx, .pdf หรือ .txt)
        </label>
        <input
          id="import-file"
          type="file"
          accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) onFile(file);
            // The same file chosen again (after fixing it) must fire again.
            input.value = '';
          }}
        />
        <p class="hint">ไฟล์ Word อ่านได้ดีที่สุด ไฟล์ PDF บางไฟล์อ่านภาษาไทยไม่ถูกต้อง ให้คัดลอกข้อความมาวางแทน</p>
      </section>
      <section class="card" aria-labelledby="import-paste-title">
        <h2 id="import-paste-title">วางข้อความ</h2>
        <form
          noValidate
          aria-labelledby="import-paste-title"
          onSubmit={(e) => {
            e.preventDefault();
            onPaste(text);
          }}
        >
          <label for="import-text" class="field-label">
            ข้อความของเอกสารมาตรการ
          </label>
          <textarea
            id="import-text"
            rows={6}
            value={text}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <div class="buttons">
            <button type="submit" class="btn btn-primary" disabled={busy}>
              อ่านข้อความ
            </button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="import-sample-title">
        <h2 id="import-sample-title">ลองใช้ตัวอย่าง</h2>
        <p>เอกสารมาตรการตัวอย่างของ อบต.เรือเสาะออก ปีงบประมาณ 2567 (7 มาตรการ)</p>
        <button type="button" class="btn" disabled={busy} onClick={onSample}>
          ลองใช้แผนตัวอย่าง
        </button>
      </section>
    </div>
  );
}

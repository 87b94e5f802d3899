import { useState } from 'preact/hooks';
import { TextField } from '../components/Field';
import { validateLink } from '../domain/followUpValidation';
import type { Evidence, EvidenceTargetTable } from '../domain/types';
import { followUp, useEvidence } from '../hooks/followUp';
import { useStoredFile } from '../hooks/useStoredFile';
import { FileRejected, prepareFile } from '../media/prepareFile';
import { saveErrorMessage } from './useSubmit';

function Thumb({ item }: { item: Evidence }) {
  const thumb = useStoredFile(item.sha256, true);
  const full = useStoredFile(item.sha256, false);
  if (item.kind === 'link') {
    return (
      <a class="evidence-link" href={item.url ?? '#'} target="_blank" rel="noopener noreferrer">
        🔗 {item.name}
      </a>
    );
  }
  if (thumb.status === 'missing')
    return <span class="evidence-missing">{item.name}: ไฟล์ยังไม่อยู่ในเครื่องนี้ จะดาวน์โหลดเมื่อเชื่อมต่อเซิร์ฟเวอร์ได้</span>;
  if (thumb.status === 'loading') return <span class="evidence-missing">กำลังโหลด…</span>;
  const href = full.status === 'ready' ? full.url : undefined;
  return (
    <a class="evidence-file" href={href} target="_blank" rel="noopener" aria-label={`เปิด ${item.name}`}>
      {item.kind === 'photo' ? (
        <img src={thumb.url} alt={item.name} width={96} height={96} class="thumb" />
      ) : (
        <span class="file-icon">📄 {item.name}</span>
      )}
    </a>
  );
}

/**
 * Evidence of a tick, meeting or quarterly record: photos (camera or file),
 * PDFs and links, shown as thumbnails; works offline, the bytes stay on the
 * device. A full storage quota or a bad file leaves nothing half-written.
 */
export function EvidencePanel({
  planId,
  table,
  id,
  label,
  readOnly = false,
}: {
  planId: string;
  table: EvidenceTargetTable;
  id: string;
  label: string;
  readOnly?: boolean;
}) {
  const evidence = useEvidence(table, id);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [link, setLink] = useState({ url: '', name: '' });
  const [linkError, setLinkError] = useState<string | undefined>();
  const target = { table, id };

  async function attach(files: FileList | null) {
    if (!files || files.length === 0) return;
    setError(null);
    for (const file of Array.from(files)) {
      setBusy(`กำลังเตรียม ${file.name}…`);
      try {
        const prepared = await prepareFile(file);
        setBusy(`กำลังบันทึก ${file.name}…`);
        await followUp.attachFile(planId, target, prepared);
      } catch (e) {
        setError(e instanceof FileRejected ? `${file.name}: ${e.message}` : saveErrorMessage(e));
        break;
      } finally {
        setBusy(null);
      }
    }
  }

  async function addLink() {
    const result = validateLink(link);
    if (!result.ok) {
      setLinkError(result.errors.url);
      return;
    }
    setLinkError(undefined);
    try {
      await followUp.attachLink(planId, target, result.value);
      setLink({ url: '', name: '' });
      setLinkOpen(false);
    } catch (e) {
      setError(saveErrorMessage(e));
    }
  }

  const items = evidence.status === 'ready' ? evidence.value : [];
  const inputId = `${table}-${id}`;
  return (
    <div class="evidence" role="group" aria-label={`หลักฐานของ ${label}`}>
      {items.length > 0 && (
        <ul class="evidence-list">
          {items.map((item) => (
            <li key={item.id}>
              <Thumb item={item} />
              {!readOnly && (
                <button
                  type="button"
                  class="btn-icon"
                  aria-label={`ลบหลักฐาน ${item.name}`}
                  onClick={() => void followUp.removeEvidence(item.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div class="buttons evidence-buttons">
          <input
            id={`${inputId}-camera`}
            class="sr-only"
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              void attach(input.files).then(() => (input.value = ''));
            }}
          />
          <label class="btn" for={`${inputId}-camera`}>
            📷 ถ่ายรูป
          </label>
          <input
            id={`${inputId}-file`}
            class="sr-only"
            type="file"
            accept="image/*,application/pdf"
            multiple
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              void attach(input.files).then(() => (input.value = ''));
            }}
          />
          <label class="btn" for={`${inputId}-file`}>
            แนบรูปหรือ PDF
          </label>
          <button type="button" class="btn" aria-expanded={linkOpen} onClick={() => setLinkOpen(!linkOpen)}>
            🔗 เพิ่มลิงก์
          </button>
        </div>
      )}
      {linkOpen && (
        <div class="link-form">
          <TextField
            id={`${inputId}-url`}
            type="url"
            label="ลิงก์ (เว็บไซต์หรือโพสต์ Facebook)"
            value={link.url}
            error={linkError}
            onValue={(url) => setLink({ ...link, url })}
          />
          <TextField
            id={`${inputId}-url-name`}
            label="ชื่อลิงก์ (ถ้ามี)"
            value={link.name}
            onValue={(name) => setLink({ ...link, name })}
          />
          <button type="button" class="btn btn-primary" onClick={() => void addLink()}>
            บันทึกลิงก์
          </button>
        </div>
      )}
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
    </div>
  );
}

import { formatNumber, formatThaiDateTime, type DigitStyle } from '../domain/thaiFormat';

export interface UploadStatusProps {
  enrolled: boolean;
  waiting: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  recent: {
    id: string;
    label: string;
    status: 'waiting' | 'sent' | 'failed';
    createdAt: string;
    lastError: string | null;
  }[];
  digits: DigitStyle;
  busy: boolean;
  onSendNow: () => void;
}

const STATUS = { waiting: 'รอส่ง', sent: 'ส่งแล้ว', failed: 'ส่งไม่สำเร็จ' } as const;

/** What waits to be sent, when the last send succeeded, the last error in words, and "send now". */
export function UploadStatus(p: UploadStatusProps) {
  return (
    <section aria-label="การส่งข้อมูลขึ้นเซิร์ฟเวอร์" class="upload-status">
      <dl class="facts" data-testid="upload-status">
        <dt>ไฟล์ที่ยังไม่ได้ส่ง</dt>
        <dd>{formatNumber(p.waiting, { digits: p.digits })} ไฟล์</dd>
        <dt>ส่งสำเร็จล่าสุด</dt>
        <dd>{p.lastSuccessAt ? formatThaiDateTime(p.lastSuccessAt, { digits: p.digits }) : 'ยังไม่เคย'}</dd>
        {p.lastError && (
          <>
            <dt>ปัญหาล่าสุด</dt>
            <dd>
              <span role="status">{p.lastError}</span>
            </dd>
          </>
        )}
      </dl>
      {!p.enrolled && <p class="hint">อุปกรณ์นี้ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์ของหน่วยงาน ไปที่หน้าตั้งค่าเพื่อลงทะเบียน</p>}
      <div class="buttons">
        <button
          type="button"
          class="btn btn-primary"
          disabled={!p.enrolled || p.busy || p.waiting === 0}
          onClick={p.onSendNow}
        >
          ส่งตอนนี้
        </button>
      </div>
      {p.recent.length > 0 && (
        <ul class="plain">
          {p.recent.map((u) => (
            <li key={u.id}>
              {u.label} · {formatThaiDateTime(u.createdAt, { digits: p.digits })} ·{' '}
              <strong>{STATUS[u.status]}</strong>
              {u.status !== 'sent' && u.lastError && <span class="sub">{u.lastError}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

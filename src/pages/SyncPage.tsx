import { useState } from 'preact/hooks';
import { TaskProgress } from '../components/TaskProgress';
import { formatNumber, formatThaiDateTime } from '../domain/thaiFormat';
import { conflictField, conflictPlace, conflictSource, conflictValue } from '../domain/conflictView';
import type { SyncConflict } from '../domain/syncProtocol';
import { useDeviceNames, useDigits } from '../hooks/data';
import { resolveConflict } from '../hooks/conflicts';
import { showToast } from '../hooks/toast';
import { syncer, usePullProgress, useSyncState } from '../hooks/upload';
import { saveErrorMessage } from './useSubmit';

/**
 * Two-way sync between the agency's phones: what waits to be sent, the last
 * success and error, "sync now", and the conflicts a person must settle.
 */
export function SyncPage() {
  const state = useSyncState();
  const digits = useDigits();
  const names = useDeviceNames();
  const [busy, setBusy] = useState(false);
  const progress = usePullProgress();
  const [error, setError] = useState<string | null>(null);

  async function settle(c: SyncConflict, choice: 'winner' | 'loser') {
    setError(null);
    try {
      await resolveConflict(c.id, choice);
      showToast({ message: 'บันทึกการเลือกแล้ว จะซิงก์ไปยังเครื่องอื่น' });
      void syncer.sync();
    } catch (e) {
      setError(saveErrorMessage(e));
    }
  }

  if (state.status !== 'ready') return <p role="status">กำลังโหลด…</p>;
  const { state: s, enrolled, waiting, conflicts } = state.value;
  return (
    <section>
      <h1 tabIndex={-1}>ซิงก์ข้อมูลระหว่างเครื่อง</h1>
      {!enrolled && (
        <p class="hint">
          ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์ของหน่วยงาน <a href="/enrol">ลงทะเบียน</a>
        </p>
      )}
      <dl
        class="facts"
        data-testid="sync-status"
        data-last-success={s.lastSuccessAt ?? ''}
        data-last-attempt={s.lastAttemptAt ?? ''}
      >
        <dt>ยังไม่ได้ส่ง</dt>
        <dd>{formatNumber(waiting, { digits })} รายการ</dd>
        <dt>ซิงก์สำเร็จล่าสุด</dt>
        <dd>{s.lastSuccessAt ? formatThaiDateTime(s.lastSuccessAt, { digits }) : 'ยังไม่เคย'}</dd>
        {s.lastError && (
          <>
            <dt>ปัญหาล่าสุด</dt>
            <dd>
              <span role="status">{s.lastError}</span>
            </dd>
          </>
        )}
        {s.rejected.length > 0 && (
          <>
            <dt>เซิร์ฟเวอร์ไม่รับ</dt>
            <dd data-testid="sync-rejected">
              {formatNumber(s.rejected.length, { digits })} รายการ (ไม่ส่งซ้ำ แก้ไขอยู่ในเครื่องนี้เท่านั้น)
              <span class="sub">{s.rejected[s.rejected.length - 1]!.reason}</span>
            </dd>
          </>
        )}
        <dt>ต้องตัดสินใจ</dt>
        <dd>{formatNumber(conflicts.length, { digits })} รายการ</dd>
      </dl>
      <div class="buttons">
        <button
          type="button"
          class="btn btn-primary"
          disabled={!enrolled || busy}
          onClick={() => {
            setBusy(true);
            void syncer.sync().finally(() => setBusy(false));
          }}
        >
          {busy ? 'กำลังซิงก์…' : 'ซิงก์ตอนนี้'}
        </button>
      </div>
      {progress && (
        <TaskProgress
          label={`กำลังรับข้อมูลจากเครื่องอื่น ${formatNumber(progress.done, { digits })} จาก ${formatNumber(progress.total, { digits })} รายการ`}
          fraction={progress.done / progress.total}
        />
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {conflicts.length > 0 && (
        <>
          <h2>ข้อมูลที่แก้ไขพร้อมกันจากสองเครื่อง</h2>
          <p class="sub">ทั้งสองค่าถูกเก็บไว้ เลือกค่าที่ถูกต้อง ค่าที่เลือกจะใช้ในทุกเครื่อง</p>
          <ul class="cards" data-testid="conflicts">
            {conflicts.map(({ conflict: c, records }) => {
              const place = conflictPlace(c, records, digits);
              return (
                <li key={c.id} class="card conflict">
                  <p>
                    <strong>{place.where}</strong>
                    {place.href && (
                      <>
                        {' '}
                        <a href={place.href}>เปิดดู</a>
                      </>
                    )}
                  </p>
                  <p class="sub">ช่อง {conflictField(c)}</p>
                  <p>
                    ค่าปัจจุบัน: <span class="note">{conflictValue(c.field, c.winner.value, digits)}</span>
                    <span class="sub">{conflictSource(c.winner, names, digits)}</span>
                  </p>
                  <p>
                    ค่าที่ถูกแทน: <span class="note">{conflictValue(c.field, c.loser.value, digits)}</span>
                    <span class="sub">{conflictSource(c.loser, names, digits)}</span>
                  </p>
                  <div class="buttons">
                    <button type="button" class="btn btn-primary" onClick={() => void settle(c, 'winner')}>
                      ใช้ค่าปัจจุบัน
                    </button>
                    <button type="button" class="btn" onClick={() => void settle(c, 'loser')}>
                      ใช้ค่าที่ถูกแทน
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

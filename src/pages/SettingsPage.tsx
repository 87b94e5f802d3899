import { useEffect, useState } from 'preact/hooks';
import { Field, TextField } from '../components/Field';
import { FormError } from '../components/FormErrorSummary';
import { formatBytes, type DigitStyle } from '../domain/thaiFormat';
import { commands } from '../hooks/commands';
import { useDeviceSettings, useDigits } from '../hooks/data';
import { showToast } from '../hooks/toast';
import { useDraft } from '../hooks/useDraft';
import { isIosSafariNotInstalled } from '../hooks/useIosInstall';
import { useStorageStatus } from '../hooks/useStorageStatus';
import { saveErrorMessage } from './useSubmit';

interface SettingsForm {
  staffName: string;
  deviceName: string;
  digits: DigitStyle;
}

const NAME_MAX = 100;

/** This device: the staff name written on each change, the device's name, storage. */
export function SettingsPage() {
  const settings = useDeviceSettings();
  const storage = useStorageStatus();
  const digits = useDigits();
  const draft = useDraft<SettingsForm>('settings', () => ({
    staffName: '',
    deviceName: '',
    digits: 'arabic',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const current = settings.status === 'ready' ? settings.value : null;

  useEffect(() => {
    if (current)
      draft.reset({ staffName: current.staffName, deviceName: current.deviceName, digits: current.digits });
  }, [current?.deviceId]);

  async function save() {
    const f = draft.value;
    const next: Record<string, string> = {};
    if (f.staffName.trim() === '') next.staffName = 'กรุณากรอกชื่อผู้ใช้ ชื่อนี้จะแสดงในทุกการเปลี่ยนแปลง';
    if (f.staffName.length > NAME_MAX) next.staffName = `ชื่อยาวเกิน ${NAME_MAX} ตัวอักษร`;
    if (f.deviceName.length > NAME_MAX) next.deviceName = `ชื่อยาวเกิน ${NAME_MAX} ตัวอักษร`;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    try {
      await commands.saveDeviceSettings(f);
      draft.clear();
      setFormError(null);
      showToast({ message: 'บันทึกการตั้งค่าแล้ว' });
    } catch (e) {
      setFormError(saveErrorMessage(e));
    }
  }

  const f = draft.value;
  return (
    <section>
      <h1 tabIndex={-1}>ตั้งค่าอุปกรณ์</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          id="staffName"
          label="ชื่อผู้ใช้ (แสดงในประวัติการเปลี่ยนแปลง)"
          autoComplete="name"
          value={f.staffName}
          error={errors.staffName}
          onValue={(staffName) => draft.update({ staffName })}
        />
        <TextField
          id="deviceName"
          label="ชื่ออุปกรณ์"
          hint="เช่น มือถือสำนักปลัด"
          value={f.deviceName}
          error={errors.deviceName}
          onValue={(deviceName) => draft.update({ deviceName })}
        />
        <Field id="digits" label="ตัวเลขที่แสดง">
          {(aria) => (
            <select
              {...aria}
              value={f.digits}
              onChange={(e) =>
                draft.update({ digits: (e.currentTarget as HTMLSelectElement).value as DigitStyle })
              }
            >
              <option value="arabic">เลขอารบิก (1, 2, 3)</option>
              <option value="thai">เลขไทย (๑, ๒, ๓)</option>
            </select>
          )}
        </Field>
        <FormError message={formError} />
        <div class="buttons">
          <button type="submit" class="btn btn-primary">
            บันทึก
          </button>
        </div>
      </form>

      <h2>เซิร์ฟเวอร์ของหน่วยงาน</h2>
      <p class="buttons">
        <a class="btn" href="/enrol">
          ลงทะเบียนอุปกรณ์กับเซิร์ฟเวอร์
        </a>
        <a class="btn" href="/export">
          ส่งออกและสถานะการส่ง
        </a>
        <a class="btn" href="/sync">
          ซิงก์ระหว่างเครื่อง
        </a>
      </p>

      <h2>พื้นที่เก็บข้อมูล</h2>
      {storage === null ? (
        <p role="status">กำลังตรวจสอบ…</p>
      ) : (
        <dl class="facts" data-testid="storage">
          <dt>การเก็บข้อมูลถาวร</dt>
          <dd>
            {storage.persisted === true
              ? 'ได้รับอนุญาต: เบราว์เซอร์จะไม่ลบข้อมูลเอง'
              : storage.persisted === false
                ? 'ยังไม่ได้รับอนุญาต: เบราว์เซอร์อาจลบข้อมูลเมื่อพื้นที่เหลือน้อย ควรติดตั้งแอปลงหน้าจอโฮม'
                : 'เบราว์เซอร์นี้ไม่รองรับ'}
          </dd>
          <dt>ใช้ไปแล้ว</dt>
          <dd>
            {storage.usage === null || storage.quota === null
              ? 'ไม่ทราบ'
              : `${formatBytes(storage.usage, { digits })} จาก ${formatBytes(storage.quota, { digits })}`}
          </dd>
        </dl>
      )}
      {current && (
        <p class="sub">
          รหัสอุปกรณ์: <code>{current.deviceId}</code>
        </p>
      )}
      <p class="sub" data-testid="app-version">
        เวอร์ชันแอป {__APP_VERSION__}
      </p>

      {isIosSafariNotInstalled() && (
        <>
          <h2>ติดตั้งบน iPhone/iPad</h2>
          <ol>
            <li>แตะปุ่มแชร์ (สี่เหลี่ยมมีลูกศรชี้ขึ้น) ด้านล่างของ Safari</li>
            <li>เลือก “เพิ่มไปยังหน้าจอโฮม”</li>
            <li>แตะ “เพิ่ม” แล้วเปิดแอปจากไอคอนบนหน้าจอโฮม</li>
          </ol>
        </>
      )}
    </section>
  );
}

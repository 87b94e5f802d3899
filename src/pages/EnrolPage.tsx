import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { TextField } from '../components/Field';
import { FormError } from '../components/FormErrorSummary';
import { useDeviceSettings } from '../hooks/data';
import { showToast } from '../hooks/toast';
import { enrol, forgetServer, useUploadState } from '../hooks/upload';

/**
 * Enrol this device with the agency's server, from the link or QR code the
 * agency's IT person made (`/enrol?code=…`), or by typing the address and code.
 */
export function EnrolPage() {
  const { query, route } = useLocation();
  const device = useDeviceSettings();
  const state = useUploadState();
  const [serverUrl, setServerUrl] = useState(query.server ?? location.origin);
  const [code, setCode] = useState(query.code ?? '');
  const [deviceName, setDeviceName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = deviceName ?? (device.status === 'ready' ? (device.value?.deviceName ?? '') : '');
  const server = state.status === 'ready' ? state.value.server : null;

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await enrol({ serverUrl, code, deviceName: name });
      showToast({ message: 'ลงทะเบียนอุปกรณ์แล้ว' });
      route('/export', true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1 tabIndex={-1}>ลงทะเบียนอุปกรณ์กับเซิร์ฟเวอร์</h1>
      {server && (
        <p role="status">
          อุปกรณ์นี้ลงทะเบียนกับ <strong>{server.url}</strong> แล้ว{' '}
          <button type="button" class="btn" onClick={() => void forgetServer()}>
            ยกเลิกการเชื่อมต่อ
          </button>
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          id="server-url"
          type="url"
          label="ที่อยู่เซิร์ฟเวอร์ของหน่วยงาน"
          value={serverUrl}
          onValue={setServerUrl}
        />
        <TextField
          id="enrol-code"
          label="รหัสลงทะเบียน"
          hint="ขอจากผู้ดูแลระบบของหน่วยงาน"
          value={code}
          onValue={setCode}
        />
        <TextField id="enrol-device-name" label="ชื่ออุปกรณ์" value={name} onValue={setDeviceName} />
        <FormError message={error} />
        <div class="buttons">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            ลงทะเบียน
          </button>
        </div>
      </form>
    </section>
  );
}

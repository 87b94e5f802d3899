import { useState } from 'preact/hooks';
import { formatCode } from '../domain/thaiFormat';
import type { Validated } from '../domain/validation';
import { useDigits } from '../hooks/data';

/**
 * The save flow shared by every form: validate, show Thai field errors or
 * run the command, and turn a failed write into a message (nothing is
 * half-saved: commands are transactions).
 */
export function useSubmit<F, V>(validate: (form: F) => Validated<V>, save: (value: V) => Promise<void>) {
  // Messages say their numbers ("ปีงบประมาณ 2567", "0–100") in the digits chosen in settings.
  const digits = useDigits();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: F): Promise<boolean> {
    const result = validate(form);
    if (!result.ok) {
      setErrors(
        Object.fromEntries(Object.entries(result.errors).map(([k, m]) => [k, formatCode(m, { digits })])),
      );
      setFormError('กรุณาแก้ไขข้อมูลที่ไม่ถูกต้อง');
      return false;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      await save(result.value);
      return true;
    } catch (e) {
      setFormError(formatCode(saveErrorMessage(e), { digits }));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { errors, formError, busy, submit };
}

/** Dexie wraps the browser's error (AbortError with `inner`); look through the chain. */
function isQuotaError(e: unknown): boolean {
  let x: unknown = e;
  for (let i = 0; i < 5 && x instanceof Object; i++) {
    const err = x as { name?: string; message?: string; inner?: unknown; cause?: unknown };
    if (err.name === 'QuotaExceededError' || /quota/i.test(err.message ?? '')) return true;
    x = err.inner ?? err.cause;
  }
  return false;
}

export function saveErrorMessage(e: unknown): string {
  if (isQuotaError(e)) {
    return 'บันทึกไม่ได้ เพราะพื้นที่เก็บข้อมูลในเครื่องเต็ม กรุณาลบไฟล์หรือข้อมูลที่ไม่ใช้ แล้วลองใหม่';
  }
  if (e instanceof Error && /[\u0E00-\u0E7F]/.test(e.message)) return e.message;
  return `บันทึกไม่สำเร็จ ข้อมูลเดิมไม่ถูกเปลี่ยนแปลง (${e instanceof Error ? e.message : String(e)})`;
}

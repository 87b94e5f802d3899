import type { ComponentChildren } from 'preact';
import { FormError } from './FormErrorSummary';

/** A form's ending: the error that stopped saving, "save", "cancel", and any extra buttons. */
export function SaveCancel({
  formError,
  busy,
  onCancel,
  children,
}: {
  formError: string | null;
  busy: boolean;
  onCancel: () => void;
  children?: ComponentChildren;
}) {
  return (
    <>
      <FormError message={formError} />
      <div class="buttons">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          บันทึก
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          ยกเลิก
        </button>
        {children}
      </div>
    </>
  );
}

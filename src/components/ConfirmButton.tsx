import { useState } from 'preact/hooks';

/**
 * A destructive button that asks once more in place (no modal): the first
 * press shows "confirm" and "cancel" buttons, focus moves to cancel.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="btn btn-danger-outline" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={confirmLabel}>
      <button
        type="button"
        class="btn btn-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" class="btn" autoFocus onClick={() => setAsking(false)}>
        ยกเลิก
      </button>
    </span>
  );
}

/** A short message after an action, with an optional undo; the shell puts it in a polite live region. */
export function Toast({
  message,
  actionLabel,
  onAction,
  onClose,
}: {
  message: string;
  actionLabel?: string | undefined;
  onAction?: (() => void) | undefined;
  onClose: () => void;
}) {
  return (
    <div class="toast">
      <span>{message}</span>
      {actionLabel && onAction && (
        <button type="button" class="btn btn-light" onClick={onAction}>
          {actionLabel}
        </button>
      )}
      <button type="button" class="btn-icon" aria-label="ปิดข้อความ" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ComponentChildren;
}

/** A labelled form control with its hint and Thai error message tied to it for screen readers. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'date' | 'url' | 'search';
  inputMode?: 'text' | 'numeric' | 'decimal';
  autoComplete?: string;
}

export function TextField({
  id,
  label,
  error,
  hint,
  value,
  onValue,
  type = 'text',
  ...rest
}: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} {...(hint ? { hint } : {})}>
      {(aria) => (
        <input
          {...aria}
          type={type as 'text'}
          inputMode={rest.inputMode}
          autoComplete={rest.autoComplete}
          value={value}
          onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        />
      )}
    </Field>
  );
}

export function TextArea({
  id,
  label,
  error,
  hint,
  value,
  onValue,
  rows = 3,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  value: string;
  onValue: (v: string) => void;
  rows?: number;
}) {
  return (
    <Field id={id} label={label} error={error} {...(hint ? { hint } : {})}>
      {(aria) => (
        <textarea
          {...aria}
          rows={rows}
          value={value}
          onInput={(e) => onValue((e.currentTarget as HTMLTextAreaElement).value)}
        />
      )}
    </Field>
  );
}

// A labelled single-line input in the forms' grid: the label is tied to the field by its id, so
// every field is announced and clickable by its words; a hint and a refusal about the field are
// shown under it and tied to it (aria-describedby, aria-invalid).
import type { HTMLAttributes } from 'react';

interface InputFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'month' | 'date' | 'datetime-local' | 'number' | 'password';
  error?: string | null;
  hint?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
}

export function InputField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  error,
  hint,
  inputMode,
  autoComplete,
}: InputFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={error ? 'field-invalid' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

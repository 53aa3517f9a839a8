// A labelled single-line input in the forms' grid: the label is tied to the field by its id, so
// every field is announced and clickable by its words; a refusal about the field is shown under it
// and tied to it (aria-invalid, aria-describedby).
interface InputFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'month' | 'date' | 'datetime-local' | 'number';
  error?: string | null;
}

export function InputField({ id, label, value, onChange, type = 'text', error }: InputFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={error ? 'field-invalid' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

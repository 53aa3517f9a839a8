// A labelled single-line input in the forms' grid: the label is tied to the field by its id, so
// every field is announced and clickable by its words.
interface InputFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'month' | 'date' | 'datetime-local' | 'number';
}

export function InputField({ id, label, value, onChange, type = 'text' }: InputFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

import { useId, type InputHTMLAttributes } from 'react';

interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  help?: string;
  /** Shown under the field and announced; marks the field invalid. */
  error?: string;
}

/** A labelled input with its help text and error tied to it for screen readers. */
export function FormField({ label, value, onChange, help, error, ...input }: FormFieldProps) {
  const id = useId();
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="cn-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {help && (
        <span id={`${id}-help`} className="cn-help">
          {help}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="cn-field-error">
          {error}
        </span>
      )}
    </div>
  );
}

import { useId } from 'react';
import { formatValue } from '../../mapper/mapper-model';
import { useFieldSuggestions } from '../field-suggestions';
import type { WidgetProps } from '../widget-props';

/** A record field path, with the sample's fields (and their values) or the target's fields offered. */
export function FieldPathWidget({ field, value, onChange, inputId, invalid, ariaLabel }: WidgetProps) {
  const suggestions = useFieldSuggestions();
  const listId = useId();
  const options =
    field.hint.fieldSource === 'output'
      ? suggestions.output.map((path) => ({ path, label: undefined }))
      : suggestions.input.map((entry) => ({ path: entry.path, label: formatValue(entry.value, 30) }));
  return (
    <>
      <input
        id={inputId}
        aria-label={ariaLabel}
        type="text"
        className="ed-mono"
        list={listId}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={invalid}
        onChange={(event) =>
          onChange(event.target.value === '' && !field.required ? undefined : event.target.value)
        }
      />
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option.path} value={option.path} label={option.label} />
        ))}
      </datalist>
    </>
  );
}

import { describeObject, withField } from '../form-model';
import { FieldControl } from '../FieldControl';
import type { WidgetProps } from '../widget-props';

/** A nested settings object (default debtor, payment term): its own fields, indented. */
export function ObjectWidget({ field, value, onChange, issues, root, inputId }: WidgetProps) {
  const data: Record<string, unknown> =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { ...value }
      : typeof field.defaultValue === 'object' && field.defaultValue !== null
        ? { ...field.defaultValue }
        : {};
  return (
    <div className="ed-object" role="group" aria-labelledby={`${inputId}-label`}>
      {describeObject(field.schema, root).map((inner) => (
        <FieldControl
          key={inner.key}
          field={inner}
          value={data[inner.key]}
          root={root}
          issues={issues
            .filter((issue) => issue.path === inner.key || issue.path.startsWith(`${inner.key}.`))
            .map((issue) => ({ ...issue, path: issue.path.slice(inner.key.length + 1) }))}
          onChange={(next) => onChange(withField(data, inner.key, next))}
        />
      ))}
    </div>
  );
}

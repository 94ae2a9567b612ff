import { describeObject, shownIn, withField } from '../form-model';
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
  // A field's own problems, their paths made relative to it.
  const issuesOf = (key: string) =>
    issues
      .filter((issue) => issue.path === key || issue.path.startsWith(`${key}.`))
      .map((issue) => ({ ...issue, path: issue.path.slice(key.length + 1) }));
  return (
    <div className="ed-object" role="group" aria-labelledby={`${inputId}-label`}>
      {describeObject(field.schema, root).map((inner) => {
        const own = issuesOf(inner.key);
        // Days are not asked for a cash term.
        if (!shownIn(inner, data, own)) return null;
        return (
          <FieldControl
            key={inner.key}
            field={inner}
            value={data[inner.key]}
            root={root}
            issues={own}
            onChange={(next) => onChange(withField(data, inner.key, next))}
          />
        );
      })}
    </div>
  );
}

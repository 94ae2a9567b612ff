import { useLanguage } from '../../../i18n/useLanguage';
import type { WidgetProps } from '../widget-props';

/** A list of choices from a fixed set (statuses, entities): one checkbox each. */
export function MultiSelectWidget({ field, value, onChange, inputId }: WidgetProps) {
  const language = useLanguage();
  const chosen = Array.isArray(value) ? value : Array.isArray(field.defaultValue) ? field.defaultValue : [];
  const items = field.schema.items;
  const values =
    typeof items === 'object' && items !== null && 'enum' in items && Array.isArray(items.enum)
      ? items.enum
      : [];
  const options =
    field.options.length > 0
      ? field.options
      : values.map((entry: unknown) => ({
          value: String(entry),
          label: { en: String(entry), nl: String(entry) },
        }));
  return (
    <div className="ed-multi" role="group" aria-labelledby={`${inputId}-label`}>
      {options.map((option) => (
        <label key={String(option.value)} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, option.value]
                  : chosen.filter((entry: unknown) => entry !== option.value),
              )
            }
          />
          {option.label[language]}
        </label>
      ))}
    </div>
  );
}

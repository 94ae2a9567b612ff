import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage';
import type { WidgetProps } from '../widget-props';

/** A choice from the hint's labelled options or the enum's values. */
export function SelectWidget({ field, value, onChange, inputId, invalid, ariaLabel }: WidgetProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const current = value ?? field.defaultValue;
  const selected = field.options.findIndex((option) => option.value === current);
  return (
    <select
      id={inputId}
      aria-label={ariaLabel}
      value={selected === -1 ? '' : String(selected)}
      aria-invalid={invalid}
      onChange={(event) => {
        const option = field.options[Number(event.target.value)];
        onChange(event.target.value === '' ? undefined : option?.value);
      }}
    >
      {(selected === -1 || !field.required) && <option value="">{t('editor.form.choose')}</option>}
      {field.options.map((option, index) => (
        <option key={String(option.value)} value={String(index)}>
          {option.label[language]}
        </option>
      ))}
    </select>
  );
}

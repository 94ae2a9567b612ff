import { useTranslation } from 'react-i18next';
import type { WizardOption } from '../../../../../shared/api/calls/wizard';
import { useLanguage } from '../../../i18n/useLanguage';
import { optionText, withCurrent } from './option-text';

interface OptionInputProps {
  value: string | number | undefined;
  options: readonly WizardOption[];
  numeric?: boolean;
  onChange(value: string | number | undefined): void;
  ariaLabel?: string;
  id?: string;
  invalid?: boolean;
  /** Allow "nothing" (an optional cell). */
  optional?: string;
  describedBy?: string;
}

/**
 * A drop-down of the system's choices; a plain input (numeric or text) when the system gave none
 * (it could not be read, or has no such list).
 */
export function OptionInput({
  value,
  options,
  numeric,
  onChange,
  ariaLabel,
  id,
  invalid,
  optional,
  describedBy,
}: OptionInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const parse = (text: string) => (text === '' ? undefined : numeric ? Number(text) : text);
  const common = {
    id,
    'aria-label': ariaLabel,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
  };
  if (options.length === 0) {
    return (
      <input
        {...common}
        type={numeric ? 'number' : 'text'}
        value={value ?? ''}
        placeholder={optional}
        onChange={(event) => onChange(parse(event.target.value))}
      />
    );
  }
  const shown = withCurrent(options, value, (missing) => t('wizard.question.notListed', { value: missing }));
  return (
    <select
      {...common}
      value={value === undefined ? '' : String(value)}
      onChange={(event) => onChange(parse(event.target.value))}
    >
      {(optional !== undefined || value === undefined || value === '') && (
        <option value="">{optional ?? t('wizard.question.choose')}</option>
      )}
      {shown.map((option) => (
        <option key={String(option.value)} value={String(option.value)}>
          {optionText(option, language)}
        </option>
      ))}
    </select>
  );
}

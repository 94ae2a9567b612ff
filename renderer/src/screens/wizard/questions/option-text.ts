import type { WizardOption } from '../../../../../shared/api/calls/wizard';
import { localize, type UiLanguage } from '../../../wizard/localize';

/** An option's text, with its hint (ledger account, number) after it. */
export function optionText(option: WizardOption, language: UiLanguage): string {
  const label = localize(option.label, language);
  return option.hint ? `${label} (${option.hint})` : label;
}

/** The options plus the current value when the system does not list it (so it is never lost silently). */
export function withCurrent(
  options: readonly WizardOption[],
  value: string | number | undefined,
  missingLabel: (value: string) => string,
): WizardOption[] {
  if (value === undefined || value === '') return [...options];
  if (options.some((option) => String(option.value) === String(value))) return [...options];
  return [{ value, label: missingLabel(String(value)) }, ...options];
}

import type { WizardOption } from '../../../shared/api/calls/wizard';

/** A tax rule that gives the target another VAT rate than the source charged. */
export interface VatChange {
  from: number;
  to: number;
}

/**
 * What a tax rule row does to the VAT: Teamleader's options are rates (the row holds the rate),
 * MplusKASSA's are VAT codes (the option knows its rate). A row without a source rate covers rates
 * it does not name, and a target not chosen yet changes nothing: both give null.
 */
export function vatChange(
  row: Record<string, unknown>,
  target: 'teamleader' | 'mplus',
  options: readonly WizardOption[],
): VatChange | null {
  const from = row.sourceRate;
  const chosen = row.targetTax;
  if (typeof from !== 'number' || (typeof chosen !== 'number' && typeof chosen !== 'string')) return null;
  const to =
    target === 'teamleader'
      ? Number(chosen)
      : options.find((option) => String(option.value) === String(chosen))?.rate;
  if (to === undefined || !Number.isFinite(to) || to === from) return null;
  return { from, to };
}

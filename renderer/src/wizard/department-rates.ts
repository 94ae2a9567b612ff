import type { WizardOption } from '../../../shared/api/calls/wizard';

/**
 * Teamleader's tax rates of the department a flow writes to: its rates belong to a department, and
 * one not named (or not found) is the first active one, as the flow itself takes it.
 */
export function departmentRates(
  taxRates: Readonly<Record<string, WizardOption[]>>,
  department: unknown,
): WizardOption[] {
  return taxRates[String(department ?? '')] ?? Object.values(taxRates)[0] ?? [];
}

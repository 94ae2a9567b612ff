import { countryCode } from '../../../shared/domain/address';
import { toJsonObject } from '../../../shared/domain/json';
import { SalesOrder } from '../../../shared/domain/sales-order';
import { getPath } from '../../../shared/flow/record-path';
import { taxRulesTransform, type RevenueRule, type TaxRule } from '../../../shared/nodes/steps/tax-rules';
import { runMessage } from '../../../shared/flow/run-messages';
import { permanentError } from '../../engine/errors';
import { defineExecutor, emit } from '../../engine/executor';
import { readRecord } from './support/records';

const same = (a: number, b: number) => Math.abs(a - b) < 0.001;

/** The rule for a country and a source rate: exact rate first, then the country's default, then `*`. */
export function ruleFor<R extends { country: string; sourceRate?: number | undefined }>(
  rules: readonly R[],
  country: string,
  rate: number,
): R | undefined {
  const of = (code: string) => rules.filter((rule) => rule.country.toUpperCase() === code);
  for (const candidates of [of(country), of('*')]) {
    const exact = candidates.find((rule) => rule.sourceRate !== undefined && same(rule.sourceRate, rate));
    if (exact) return exact;
    const fallback = candidates.find((rule) => rule.sourceRate === undefined);
    if (fallback) return fallback;
  }
  return undefined;
}

/** Per line: the target's tax for the customer's country (and the line's rate), and the revenue account. */
export const taxRulesModule = defineExecutor(taxRulesTransform, {
  category: 'transform',
  open(ctx) {
    const { countryPath, defaultCountry, taxRules, revenueRules } = ctx.config;
    return {
      process(record) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const found = getPath(record.data, countryPath);
        const country =
          countryCode(typeof found === 'string' ? found : undefined) ?? defaultCountry.toUpperCase();
        const lines = order.lines.map((line, index) => {
          const tax: TaxRule | undefined = ruleFor(taxRules, country, line.taxRate);
          if (!tax) {
            throw permanentError(
              runMessage('noTaxMapping', {
                kind: order.kind,
                number: order.number,
                country,
                line: index + 1,
                rate: line.taxRate,
              }),
              { code: 'no_tax_mapping', field: countryPath, value: country },
            );
          }
          const revenue: RevenueRule | undefined = ruleFor(revenueRules, country, line.taxRate);
          return toJsonObject({
            ...line,
            targetTax: tax.targetTax,
            ...(revenue ? { revenueAccount: revenue.account } : {}),
          });
        });
        return emit({ ...record, data: { ...record.data, lines } });
      },
    };
  },
});

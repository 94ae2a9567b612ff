import { describe, expect, it } from 'vitest';
import { SalesOrder } from '../../../shared/domain/sales-order';
import { TaxRulesConfig } from '../../../shared/nodes/steps/tax-rules';
import { StepError } from '../../engine/errors';
import { taxRulesModule } from './tax-rules';
import { inCountry, sampleOrder } from './support/sample-order';
import { process, testContext } from './support/test-context';

const config = TaxRulesConfig.parse({
  defaultCountry: 'NL',
  taxRules: [
    { country: 'NL', sourceRate: 9, targetTax: 6 },
    { country: 'NL', sourceRate: 21, targetTax: 21 },
    { country: 'BE', targetTax: 21 },
  ],
  revenueRules: [
    { country: 'NL', account: 'Omzet NL' },
    { country: '*', account: 'Omzet export' },
  ],
});

async function run(data: ReturnType<typeof sampleOrder>) {
  if (taxRulesModule.executor.category !== 'transform') throw new Error('not a transform');
  const instance = await taxRulesModule.executor.open(testContext(config));
  return process(instance, data);
}

function linesOf(result: Awaited<ReturnType<typeof run>>) {
  if (result.kind !== 'emit') throw new Error('expected the record to pass');
  return SalesOrder.parse(result.outputs[0]?.record.data).lines;
}

describe('tax per country', () => {
  it('gives every line the target tax for its source rate in the customer’s country', async () => {
    const lines = linesOf(await run(sampleOrder()));
    expect(lines.map((l) => [l.targetTax, l.revenueAccount])).toEqual([
      [6, 'Omzet NL'],
      [21, 'Omzet NL'],
    ]);
  });

  it('falls back to the country’s default row and the * revenue row', async () => {
    const lines = linesOf(await run(sampleOrder(inCountry('be'))));
    expect(lines.map((l) => [l.targetTax, l.revenueAccount])).toEqual([
      [21, 'Omzet export'],
      [21, 'Omzet export'],
    ]);
  });

  it('uses the walk-in country for sales without a customer', async () => {
    const lines = linesOf(await run(sampleOrder((o) => void (o.customer = null))));
    expect(lines.map((l) => l.targetTax)).toEqual([6, 21]);
  });

  it('fails the order naming the country that has no tax mapping', async () => {
    const error = await run(sampleOrder(inCountry('FR'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepError);
    expect((error as StepError).message).toBe(
      'Sales order "O2026-000042": country "FR" has no tax mapping (line 1, 9 %); add a row for FR to the tax rules.',
    );
    expect((error as StepError).transient).toBe(false);
    expect((error as StepError).field).toBe('customer.billingAddress.country');
  });
});

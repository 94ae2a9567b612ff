import { describe, expect, it } from 'vitest';
import { SalesOrder } from '../../../shared/domain/sales-order';
import { OrderRulesConfig } from '../../../shared/nodes/steps/order-rules';
import { StepError } from '../../engine/errors';
import { orderRulesModule } from './order-rules';
import { sampleOrder } from './support/sample-order';
import { process, testContext } from './support/test-context';

async function run(configInput: unknown, data = sampleOrder()) {
  if (orderRulesModule.executor.category !== 'transform') throw new Error('not a transform');
  const instance = await orderRulesModule.executor.open(testContext(OrderRulesConfig.parse(configInput)));
  const result = await process(instance, data);
  if (result.kind !== 'emit') throw new Error('expected the record to pass');
  return SalesOrder.parse(result.outputs[0]?.record.data);
}

const table = {
  paymentMethods: [
    { from: 'PIN', to: 'payment_card' },
    { from: 'CONTANT', to: 'cash' },
  ],
  paymentTerms: [{ paymentMethod: 'OP-REKENING', term: { type: 'afterInvoiceDate', days: 30 } }],
  paymentTerm: { type: 'cash' },
};

describe('payment, shipping and status rules', () => {
  it('maps the payment method case-insensitively and applies the default term', async () => {
    const order = await run(
      table,
      sampleOrder((o) => void (o.paymentMethod = 'pin')),
    );
    expect(order.paymentMethod).toBe('payment_card');
    expect(order.paymentTerm).toEqual({ type: 'cash' });
  });

  it('fails an order whose payment method is not in the table, naming it', async () => {
    const error = await run(
      table,
      sampleOrder((o) => void (o.paymentMethod = 'bitcoin')),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepError);
    expect((error as StepError).message).toBe(
      'Sales order "O2026-000042": payment method "bitcoin" has no mapping; add it to the payment method table.',
    );
    expect((error as StepError).field).toBe('paymentMethod');
  });

  it('uses the default payment method for unknown ones when asked to', async () => {
    const order = await run(
      { ...table, unknownPaymentMethod: 'default', defaultPaymentMethod: 'bank_transfer' },
      sampleOrder((o) => void (o.paymentMethod = 'bitcoin')),
    );
    expect(order.paymentMethod).toBe('bank_transfer');
  });

  it('gives a payment term per payment method', async () => {
    const order = await run(
      { ...table, paymentMethods: [{ from: 'OP-REKENING', to: 'bank_transfer' }] },
      sampleOrder((o) => void (o.paymentMethod = 'OP-REKENING')),
    );
    expect(order.paymentTerm).toEqual({ type: 'afterInvoiceDate', days: 30 });
  });

  it('turns a shipping method into a delivery method, or adds a shipping line', async () => {
    const mapped = await run(
      { shippingMethods: [{ from: 'POSTNL', to: 'PostNL' }] },
      sampleOrder((o) => void (o.shippingMethod = 'POSTNL')),
    );
    expect(mapped.shippingMethod).toBe('PostNL');
    expect(mapped.lines).toHaveLength(2);
    const withLine = await run(
      {
        shippingMethods: [
          { from: 'POSTNL', to: 'PostNL', lineDescription: 'Verzending', linePriceExcl: 5, lineTaxRate: 21 },
        ],
      },
      sampleOrder((o) => void (o.shippingMethod = 'POSTNL')),
    );
    expect(withLine.lines[2]).toMatchObject({
      description: 'Verzending',
      quantity: 1,
      unitPriceExcl: 5,
      unitPriceIncl: 6.05,
      taxRate: 21,
    });
  });

  it('fails on an unknown shipping method when told to, naming it', async () => {
    const error = await run(
      { unknownShippingMethod: 'fail' },
      sampleOrder((o) => void (o.shippingMethod = 'DRONE')),
    ).catch((e: unknown) => e);
    expect((error as StepError).message).toBe(
      'Sales order "O2026-000042": shipping method "DRONE" has no mapping; add it to the shipping table.',
    );
  });

  it('maps the order status', async () => {
    const order = await run(
      { statusMap: [{ from: 'paid', to: 'betaald' }] },
      sampleOrder((o) => void (o.status = 'paid')),
    );
    expect(order.status).toBe('betaald');
  });
});

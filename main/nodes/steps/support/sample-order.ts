import { toJsonObject } from '../../../../shared/domain/json';
import type { SalesOrder } from '../../../../shared/domain/sales-order';
import type { JsonObject } from '../../../../shared/flow/json';

/** A small canonical sales order for rule tests; `change` adjusts it. */
export function sampleOrder(change: (order: SalesOrder) => void = () => undefined): JsonObject {
  const order: SalesOrder = {
    source: { system: 'mplus', entity: 'order', id: 'order-1' },
    kind: 'order',
    number: 'O2026-000042',
    date: '2026-03-05',
    customer: {
      kind: 'person',
      name: 'Anna de Vries',
      email: 'anna@example.com',
      billingAddress: {
        street: 'Kerkstraat',
        number: '1',
        postalCode: '1012 AB',
        city: 'Amsterdam',
        country: 'NL',
      },
    },
    lines: [
      {
        sku: '10001',
        description: 'Espresso blend 250 g',
        quantity: 2,
        unitPriceExcl: 16.4679,
        unitPriceIncl: 17.95,
        taxRate: 9,
      },
      {
        sku: '10020',
        description: 'Mok wit',
        quantity: 1,
        unitPriceExcl: 8.2231,
        unitPriceIncl: 9.95,
        taxRate: 21,
      },
    ],
    paymentMethod: 'PIN',
    totals: { excl: 41.16, incl: 45.85, tax: 4.69 },
    currency: 'EUR',
  };
  change(order);
  return toJsonObject(order);
}

/** A change for {@link sampleOrder}: the customer lives in `country`. */
export function inCountry(country: string): (order: SalesOrder) => void {
  return (order) => {
    if (order.customer?.billingAddress) order.customer.billingAddress.country = country;
  };
}

import { describe, expect, it } from 'vitest';
import { recordGist, requestOperation } from './record-gist';

describe('the gist of a record', () => {
  it('sums up a sale by customer, lines and total', () => {
    const sale = {
      number: 'O-1',
      lines: [{}, {}],
      totals: { incl: 45.2, excl: 40, tax: 5.2 },
      currency: 'EUR',
      customer: { name: 'Atelier Noord BV', kind: 'company' },
    };
    expect(recordGist(sale)).toEqual({
      kind: 'sale',
      customer: 'Atelier Noord BV',
      lines: 2,
      total: 45.2,
      currency: 'EUR',
    });
    expect(recordGist({ ...sale, customer: null })).toMatchObject({ customer: null });
  });

  it('tells products, stock, customers and categories apart', () => {
    expect(recordGist({ sku: 'SKU-1', name: 'Espresso', priceIncl: 2.5 })).toEqual({
      kind: 'product',
      name: 'Espresso',
      price: 2.5,
      currency: 'EUR',
    });
    expect(recordGist({ sku: '10001', quantity: 10, branch: '1' })).toEqual({ kind: 'stock', quantity: 10 });
    expect(recordGist({ name: 'Kapsalon Peeters BV', kind: 'company', email: 'info@kp.example' })).toEqual({
      kind: 'customer',
      name: 'Kapsalon Peeters BV',
      email: 'info@kp.example',
    });
    expect(
      recordGist({ name: 'Koffie', source: { system: 'teamleader', entity: 'productCategory', id: '1' } }),
    ).toEqual({
      kind: 'category',
      name: 'Koffie',
    });
    expect(recordGist({ something: 'else' })).toBeNull();
    expect(recordGist(null)).toBeNull();
  });

  it('reads the operation a target would call', () => {
    expect(requestOperation({ operation: 'invoices.draft', body: {} })).toBe('invoices.draft');
    expect(requestOperation('nope')).toBeNull();
  });
});

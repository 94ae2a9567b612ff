import { describe, expect, it } from 'vitest';
import { SalesOrder } from '../../../../shared/domain/sales-order';
import type { Invoice } from '../../../connectors/teamleader/schemas';
import { invoiceToSalesOrder, termOf } from './sales';

const context = { codeOf: () => undefined, percentOf: () => 21 };

describe('Teamleader documents with empty values (null, as the API sends them)', () => {
  it('reads a payment term whose days are null as a term without days', () => {
    expect(termOf({ type: 'end_of_month', days: null })).toEqual({ type: 'endOfMonth' });
    expect(termOf({ type: 'after_invoice_date', days: 30 })).toEqual({ type: 'afterInvoiceDate', days: 30 });
  });

  it('makes a valid sales order of an invoice whose empty fields are null', () => {
    const invoice: Invoice = {
      id: 'inv-1',
      status: 'outstanding',
      invoice_number: null,
      invoice_date: null,
      purchase_order_number: null,
      payment_term: { type: 'end_of_month', days: null },
      grouped_lines: [
        {
          section: { title: null },
          line_items: [
            {
              quantity: 2,
              description: null,
              unit_price: { amount: 10, tax: 'excluding' },
              discount: null,
              product: null,
            },
          ],
        },
      ],
    };
    const order = invoiceToSalesOrder(invoice, null, context);
    expect(SalesOrder.safeParse(order).error).toBeUndefined();
    expect(order).toMatchObject({
      number: 'draft inv-1',
      paymentTerm: { type: 'endOfMonth' },
      lines: [{ description: '', quantity: 2, unitPriceExcl: 10, unitPriceIncl: 12.1 }],
    });
    expect(order).not.toHaveProperty('reference');
  });
});

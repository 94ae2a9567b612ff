import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../shared/flow/json';
import { MplusSalesTargetConfig } from '../../../../shared/nodes/mplus/targets';
import { createMplusClient, type MplusClient } from '../../../connectors/mplus/client';
import { startMplusTwin, type MplusTwin } from '../../../connectors/mplus/simulator/twin';
import type { TargetExecutor, TargetWrite } from '../../../engine/executor';
import { itemOf, testContext } from '../../steps/support/test-context';
import { mplusSalesTargetModule } from './sales-target';

/** The MplusKASSA sales target against the twin: what the item stores as sent is what the till got. */

let twin: MplusTwin;
let client: MplusClient;

beforeAll(async () => {
  twin = await startMplusTwin({ seed: 5, validateResponses: true });
  client = createMplusClient({ url: twin.url, ident: twin.ident, secret: twin.secret, maxRetries: 0 });
});

afterAll(async () => {
  await twin.close();
});

async function target(config: Partial<MplusSalesTargetConfig>) {
  const executor = mplusSalesTargetModule.executor as TargetExecutor<MplusSalesTargetConfig>;
  const parsed = MplusSalesTargetConfig.parse({ employeeNumber: 999999, branchNumber: 1, ...config });
  return executor.open(testContext(parsed, { mplus: client }));
}

async function writeOf(id: string): Promise<TargetWrite> {
  const [relation] = await client.getRelations({ syncMarker: 0, syncMarkerLimit: 1 });
  const [product] = await client.getProducts({ syncMarker: 0, syncMarkerLimit: 1 });
  const article = product?.articleList?.article?.[0]?.articleNumber ?? 0;
  const data: JsonObject = {
    source: { system: 'teamleader', entity: 'invoice', id },
    kind: 'invoice',
    number: `2026 / ${id}`,
    date: '2026-03-05',
    lines: [
      {
        articleNumber: article,
        description: 'Koffiebonen 1 kg',
        quantity: 2,
        unitPriceExcl: 12.5,
        unitPriceIncl: 13.63,
        taxRate: 9,
      },
    ],
    payments: [{ method: 'PIN', amount: 27.25 }],
    totals: { excl: 25, incl: 27.25, tax: 2.25 },
    customerRef: { system: 'mplus', type: 'relation', id: String(relation?.relationNumber ?? 0) },
  };
  return {
    record: { data, createOnly: [] },
    payload: data,
    item: itemOf(data),
    mode: 'create',
    existing: null,
    idempotencyKey: `test-key-${id}`,
    reference: id,
  };
}

describe('MplusKASSA sales target', () => {
  it('sends createOrderV3 with the body the item stores, payments included', async () => {
    const instance = await target({ documentType: 'order', registerPayments: true });
    const write = await writeOf('inv-1');
    const prepared = await instance.prepare(write);
    expect(prepared.action).toBe('create');
    expect(prepared.request).toMatchObject({
      operation: 'createOrderV3',
      order: { extOrderId: 'inv-1', reference: '2026 / inv-1' },
      prepay: false,
      paymentList: { payment: [{ method: 'PIN', amount: 27.25 }] },
    });

    const result = await instance.send(prepared, write);
    const order = await client.findOrder('inv-1');
    expect(result.targetIds).toEqual({ orderId: order?.orderId });
    // The payment stored as sent is the one the till booked (prepay false: paid at once).
    expect(order).toMatchObject({
      reference: '2026 / inv-1',
      fullyPaid: true,
      prepaidAmount: 0,
      paymentList: { payment: [{ method: 'PIN', amount: 27.25 }] },
    });
  });

  it('sends saveInvoice with the invoice the item stores', async () => {
    const instance = await target({ documentType: 'invoice' });
    const write = await writeOf('inv-2');
    const prepared = await instance.prepare(write);
    expect(prepared.request).toMatchObject({
      operation: 'saveInvoice',
      invoice: { extInvoiceId: 'inv-2', reference: '2026 / inv-2' },
    });
    const result = await instance.send(prepared, write);
    const invoice = await client.findInvoice('inv-2');
    expect(result.targetIds).toEqual({ invoiceId: invoice?.invoiceId });
    expect(invoice).toMatchObject({ reference: '2026 / inv-2', totalInclAmount: 27.25 });
  });
});

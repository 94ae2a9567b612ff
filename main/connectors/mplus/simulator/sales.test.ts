import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMplusClient, type MplusClient } from '../client';
import type { Article } from '../generated/model-types';
import { startMplusTwin, type MplusTwin } from './twin';

/** Orders and invoices, client ↔ twin, with every twin answer checked against the WSDL schema. */

let twin: MplusTwin;
let client: MplusClient;
let relationNumber: number;
let food: Article; // VAT code 1 (9 %)
let mug: Article; // VAT code 2 (21 %)

beforeAll(async () => {
  twin = await startMplusTwin({ seed: 7, validateResponses: true });
  client = createMplusClient({ url: twin.url, ident: twin.ident, secret: twin.secret, maxRetries: 0 });
  const articles = (await client.getProducts()).flatMap((p) => p.articleList?.article ?? []);
  const pick = (vatCode: number): Article => {
    const article = articles.find((a) => a.vatCode === vatCode && a.stockArticle);
    if (!article) throw new Error(`the seed has no stock article with VAT code ${vatCode}`);
    return article;
  };
  food = pick(1);
  mug = pick(2);
  relationNumber = (await client.getRelations())[0]?.relationNumber ?? 0;
});

afterAll(async () => {
  await twin.close();
});

const newOrder = (
  extOrderId: string,
  lines: { articleNumber: number; quantity: number; price?: number }[],
) => ({
  extOrderId,
  employeeNumber: 999999,
  relationNumber,
  lineList: {
    line: lines.map(({ articleNumber, quantity, price }) => ({
      articleNumber,
      data: { quantity, ...(price === undefined ? {} : { price }) },
    })),
  },
});

describe('createOrderV3', () => {
  it('creates an order whose totals come from the lines and the VAT codes', async () => {
    const outcome = await client.createOrderV3({
      idempotencyKey: 'order-totals',
      order: newOrder('TOT-1', [
        { articleNumber: food.articleNumber ?? 0, quantity: 2, price: 10.9 },
        { articleNumber: mug.articleNumber ?? 0, quantity: 1.5, price: 12.1 },
      ]),
    });
    expect(outcome).toMatchObject({ kind: 'created', replayed: false });
    if (outcome.kind !== 'created') return;
    expect(outcome.orderId).toMatch(/^[0-9a-f]{32}$/);
    const order = await client.getOrder(outcome.orderId);
    // 2 × 10.90 = 21.80 at 9 %, 1.5 × 12.10 = 18.15 at 21 %: incl 39.95, excl 20.00 + 15.00.
    expect(order?.totalInclAmount).toBe(39.95);
    expect(order?.totalExclAmount).toBe(35);
    expect(order?.vatGroupList?.vatGroup).toEqual([
      { vatCode: 1, vatPercentage: 9, exclAmount: 20, vatAmount: 1.8 },
      { vatCode: 2, vatPercentage: 21, exclAmount: 15, vatAmount: 3.15 },
    ]);
    expect(order?.lineList?.line?.[1]?.data).toMatchObject({
      quantity: 1.5,
      price: 12.1,
      totalInclAmount: 18.15,
    });
    expect(order?.lineList?.line?.[0]?.text).toBe(food.description);
  });

  it('prices lines from the article when the line has no price', async () => {
    const outcome = await client.createOrderV3({
      idempotencyKey: 'order-default-price',
      order: newOrder('PRICE-1', [{ articleNumber: mug.articleNumber ?? 0, quantity: 3 }]),
    });
    expect(outcome.kind).toBe('created');
    const order = await client.findOrder('PRICE-1');
    expect(order?.totalInclAmount).toBeCloseTo((mug.priceIncl ?? 0) * 3, 2);
  });

  it('keeps extOrderId unique: a second order with it is "already there", not a retry', async () => {
    const order = newOrder('DUP-1', [{ articleNumber: mug.articleNumber ?? 0, quantity: 1 }]);
    expect((await client.createOrderV3({ idempotencyKey: 'dup-a', order })).kind).toBe('created');
    const second = await client.createOrderV3({ idempotencyKey: 'dup-b', order });
    expect(second).toMatchObject({ kind: 'already_exists', extOrderId: 'DUP-1', replayed: false });
    const matching = (await client.getOrders()).filter((o) => o.extOrderId === 'DUP-1');
    expect(matching).toHaveLength(1);
  });

  it('replays an idempotencyKey with identical fields and creates nothing new', async () => {
    const input = {
      idempotencyKey: 'replay-me',
      order: newOrder('REPLAY-1', [{ articleNumber: food.articleNumber ?? 0, quantity: 1 }]),
    };
    const first = await client.createOrderV3(input);
    const markersBefore = await client.getCurrentSyncMarkers();
    const raw = await client.soap.callWire('createOrderV3', {
      request: { idempotencyKey: 'replay-me', order: { orderId: '', employeeNumber: 999999 } },
    });
    const second = await client.createOrderV3(input);
    expect(raw.idempotencyResult).toBe('IDEMPOTENCY-RESULT-REPLAY-RESPONSE');
    expect(second).toEqual({ ...first, replayed: true });
    expect((await client.getCurrentSyncMarkers()).orderSyncMarker).toBe(markersBefore.orderSyncMarker);
  });

  it('rejects lines for unknown articles and orders without a relation, with the reason', async () => {
    const unknown = await client.createOrderV3({
      idempotencyKey: 'bad-article',
      order: newOrder('BAD-1', [{ articleNumber: 99999999, quantity: 1 }]),
    });
    expect(unknown).toMatchObject({
      kind: 'rejected',
      message: 'order.lineList.line[0]: article 99999999 does not exist',
    });
    const { relationNumber: _r, ...walkIn } = newOrder('BAD-2', [
      { articleNumber: mug.articleNumber ?? 0, quantity: 1 },
    ]);
    const noRelation = await client.createOrderV3({ idempotencyKey: 'no-relation', order: walkIn });
    expect(noRelation).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('needs a relation'),
    });
  });

  it('pays on creation: enough → invoiced, too little → payment_failed (order kept)', async () => {
    const paid = await client.createOrderV3({
      idempotencyKey: 'pay-on-create',
      order: newOrder('PAID-1', [{ articleNumber: mug.articleNumber ?? 0, quantity: 1, price: 25 }]),
      paymentList: { payment: [{ method: 'PIN', amount: 25 }] },
    });
    expect(paid).toMatchObject({
      kind: 'created',
      payResult: 'PAY-ORDER-RESULT-OK',
      invoiceId: expect.any(String),
    });
    const short = await client.createOrderV3({
      idempotencyKey: 'pay-too-little',
      order: newOrder('PAID-2', [{ articleNumber: mug.articleNumber ?? 0, quantity: 1, price: 25 }]),
      paymentList: { payment: [{ method: 'PIN', amount: 5 }] },
    });
    expect(short).toMatchObject({ kind: 'payment_failed' });
    expect((await client.findOrder('PAID-2'))?.fullyPaid).toBe(false);
  });
});

describe('payOrderV2', () => {
  it('prepays, then pays the rest: invoiced once; a second payment is already_invoiced', async () => {
    const created = await client.createOrderV3({
      idempotencyKey: 'to-pay',
      order: newOrder('PAY-1', [{ articleNumber: mug.articleNumber ?? 0, quantity: 2, price: 15 }]),
    });
    if (created.kind !== 'created') throw new Error(`order not created: ${created.kind}`);
    const orderId = created.orderId;
    const prepay = await client.payOrderV2({
      idempotencyKey: 'p1',
      orderId,
      prepay: true,
      paymentList: { payment: [{ method: 'IDEAL', amount: 10 }] },
    });
    expect(prepay).toEqual({ kind: 'paid', replayed: false });
    expect((await client.getOrder(orderId))?.prepaidAmount).toBe(10);
    const short = await client.payOrderV2({
      idempotencyKey: 'p2',
      orderId,
      prepay: false,
      paymentList: { payment: [{ method: 'PIN', amount: 5 }] },
    });
    expect(short.kind).toBe('payment_insufficient');
    const rest = await client.payOrderV2({
      idempotencyKey: 'p3',
      orderId,
      prepay: false,
      paymentList: { payment: [{ method: 'PIN', amount: 20 }] },
    });
    expect(rest).toMatchObject({ kind: 'paid', invoiceId: expect.any(String) });
    const again = await client.payOrderV2({
      idempotencyKey: 'p4',
      orderId,
      prepay: false,
      paymentList: { payment: [{ method: 'PIN', amount: 30 }] },
    });
    expect(again.kind).toBe('already_invoiced');
    const replay = await client.payOrderV2({
      idempotencyKey: 'p3',
      orderId,
      prepay: false,
      paymentList: { payment: [{ method: 'PIN', amount: 20 }] },
    });
    expect(replay).toEqual({ ...rest, replayed: true });
    const invoice = await client.getInvoice(rest.kind === 'paid' ? (rest.invoiceId ?? '') : '');
    expect(invoice).toMatchObject({
      totalInclAmount: 30,
      paidAmount: 30,
      state: 'INVOICE-STATE-PAID',
      orderIds: { id: [orderId] },
    });
    const unknownOrder = await client.payOrderV2({
      idempotencyKey: 'p5',
      orderId: 'nope',
      prepay: true,
      paymentList: { payment: [{ method: 'PIN', amount: 1 }] },
    });
    expect(unknownOrder).toMatchObject({ kind: 'rejected', message: 'order nope does not exist' });
  });
});

describe('invoices', () => {
  it('saveInvoice creates, then updates only with the current versionNumber and changeCounter', async () => {
    const created = await client.saveInvoice({
      extInvoiceId: 'INV-EXT-1',
      relationNumber,
      lineList: { line: [{ articleNumber: food.articleNumber ?? 0, data: { quantity: 4, price: 2.5 } }] },
    });
    if (created.kind !== 'saved') throw new Error(`invoice not saved: ${created.kind}`);
    const invoice = await client.findInvoice('INV-EXT-1');
    expect(invoice).toMatchObject({
      invoiceId: created.invoiceId,
      totalInclAmount: 10,
      state: 'INVOICE-STATE-OUTSTANDING',
      versionNumber: 1,
    });
    const stale = await client.saveInvoice({
      invoiceId: created.invoiceId,
      reference: 'x',
      versionNumber: 0,
      changeCounter: 0,
    });
    expect(stale.kind).toBe('invoice_changed');
    const updated = await client.saveInvoice({
      invoiceId: created.invoiceId,
      reference: 'Bijgewerkt',
      versionNumber: invoice?.versionNumber ?? 0,
      changeCounter: invoice?.changeCounter ?? 0,
    });
    expect(updated).toMatchObject({ kind: 'saved', invoiceId: created.invoiceId });
    const after = await client.getInvoice(created.invoiceId);
    expect(after).toMatchObject({ reference: 'Bijgewerkt', versionNumber: 2, totalInclAmount: 10 });
    expect((after?.syncMarker ?? 0) > (invoice?.syncMarker ?? 0)).toBe(true);
    expect((await client.saveInvoice({ extInvoiceId: 'INV-EXT-1' })).kind).toBe('already_exists');
    expect(
      (await client.saveInvoice({ invoiceId: 'missing', versionNumber: 1, changeCounter: 1 })).kind,
    ).toBe('not_found');
    expect(await client.getInvoice('missing')).toBeNull();
  });

  it('lists invoices and orders with filters, headers only when asked', async () => {
    const mine = await client.getInvoices({ relationNumbers: [relationNumber] });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.relationNumber === relationNumber)).toBe(true);
    const headers = await client.getOrders({ includeLineList: false, syncMarkerLimit: 3, syncMarker: 0 });
    expect(headers).toHaveLength(3);
    expect(headers.every((o) => o.lineList === undefined)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const recent = await client.getOrders({ fromFinancialDate: '2000-01-01', throughFinancialDate: today });
    expect(recent.length).toBeGreaterThan(0);
    expect(await client.getOrders({ fromFinancialDate: '2100-01-01' })).toEqual([]);
  });

  it('finds sales by an article barcode or supplier, and leaves references out of headers', async () => {
    const made = await client.createProduct({
      description: 'Theepot',
      articleList: {
        article: [
          {
            description: 'Theepot blauw',
            priceIncl: 30,
            barcode: '8712345000019',
            supplierRelationNumber: relationNumber,
          },
        ],
      },
    });
    if (made.kind !== 'created') throw new Error(`not created: ${JSON.stringify(made)}`);
    const [teapot = 0] = made.articleNumbers;
    const sold = await client.createOrderV3({
      idempotencyKey: 'teapot-sale',
      order: newOrder('TEAPOT-1', [{ articleNumber: teapot, quantity: 1, price: 30 }]),
      paymentList: { payment: [{ method: 'PIN', amount: 30 }] },
    });
    if (sold.kind !== 'created') throw new Error(`not created: ${JSON.stringify(sold)}`);
    const byBarcode = { articleBarcodes: { text: [{ text: '8712345000019' }] } };
    expect((await client.getOrders(byBarcode)).map((o) => o.extOrderId)).toEqual(['TEAPOT-1']);
    expect((await client.getInvoices(byBarcode)).map((i) => i.invoiceId)).toEqual([sold.invoiceId]);
    expect(await client.getOrders({ articleBarcodes: { text: [{ text: '0000000000000' }] } })).toEqual([]);
    const bySupplier = await client.getOrders({ supplierRelationNumbers: [relationNumber] });
    expect(bySupplier.map((o) => o.extOrderId)).toContain('TEAPOT-1');
    expect(await client.getOrders({ supplierRelationNumbers: [987654] })).toEqual([]);

    // Headers only: no lines, and no references to the invoice (order) or the order (invoice).
    const [full] = await client.getOrders({ orderIds: [sold.orderId] });
    expect(full?.invoiceIds?.id).toEqual([sold.invoiceId]);
    const [header] = await client.getOrders({ orderIds: [sold.orderId], includeLineList: false });
    expect(header).toMatchObject({ orderId: sold.orderId, extOrderId: 'TEAPOT-1' });
    expect(header).not.toHaveProperty('lineList');
    expect(header).not.toHaveProperty('invoiceIds');
    const [invoiceHeader] = await client.getInvoices({ ...byBarcode, includeLineList: false });
    expect(invoiceHeader).toMatchObject({ invoiceId: sold.invoiceId });
    expect(invoiceHeader).not.toHaveProperty('orderIds');
  });

  it('pages orders and invoices by syncMarker with cursors that never skip a record', async () => {
    for (const iterate of [client.iterateOrders, client.iterateInvoices]) {
      const seen = new Set<number>();
      let last = 0;
      for await (const page of iterate({ limit: 7 })) {
        for (const { syncMarker, resumeSyncMarker } of page.records) {
          expect(syncMarker).toBeGreaterThan(last);
          last = syncMarker;
          expect(resumeSyncMarker).toBeGreaterThan(syncMarker);
          seen.add(syncMarker);
        }
      }
      expect(seen.size).toBeGreaterThan(7);
    }
    const markers = await client.getCurrentSyncMarkers();
    const fromNow = client.iterateOrders({ syncMarker: markers.orderSyncMarker + 1 });
    expect((await fromNow.next()).done).toBe(true);
  });
});

import type {
  WireCreateOrderV3Response,
  WireOrder,
  WirePayOrderV2Response,
} from '../../generated/wire-types';
import { invoiceOrder } from '../domain/invoicing';
import { createOrder, payOrder } from '../domain/sales';
import { setFilter, syncPage, type HandlerContext, type OperationHandlers } from './context';
import { orderTypeFilter, salesFilter, orderHeader } from './sales-filters';

/**
 * Orders. createOrderV3 and payOrderV2 store their answer under the idempotencyKey; the same key
 * again gets that answer back, field for field, marked IDEMPOTENCY-RESULT-REPLAY-RESPONSE.
 */

function replay<T extends { idempotencyResult: string }>(ctx: HandlerContext, key: string): T | undefined {
  const stored = ctx.state.idempotency.get(key);
  // Stored by this module from a T (structuredClone keeps the shape).
  return stored
    ? ({ ...(structuredClone(stored) as T), idempotencyResult: 'IDEMPOTENCY-RESULT-REPLAY-RESPONSE' } as T)
    : undefined;
}

function remember<T extends object>(ctx: HandlerContext, key: string, response: T): T {
  ctx.state.idempotency.set(key, structuredClone(response) as Record<string, unknown>);
  return response;
}

const snapshot = (order: WireOrder): WireOrder => structuredClone(order);

export const orderHandlers: Pick<
  OperationHandlers,
  'getOrders' | 'getOrder' | 'findOrder' | 'createOrderV3' | 'payOrderV2'
> = {
  getOrders: (ctx, { request }) => {
    const { state } = ctx;
    const ids = setFilter(request.orderIds);
    const matches = salesFilter(request, (n) => state.articles.get(n)?.article);
    const typeMatches = orderTypeFilter(request);
    const orders = syncPage(
      state.sync.order,
      request.syncMarker,
      request.syncMarkerLimit,
      (id) => state.orders.get(id),
      (order) => (!ids || ids(order.orderId)) && typeMatches(order) && matches(order),
    );
    return { orderList: { order: request.includeLineList === false ? orders.map(orderHeader) : orders } };
  },

  getOrder: (ctx, { orderId }) => {
    const order = ctx.state.orders.get(orderId);
    return order ? { result: 'GET-ORDER-RESULT-OK', order } : { result: 'GET-ORDER-RESULT-NOT-FOUND' };
  },

  findOrder: (ctx, { extOrderId }) => {
    const order = ctx.state.ordersByExtId.get(extOrderId);
    return order ? { result: 'GET-ORDER-RESULT-OK', order } : { result: 'GET-ORDER-RESULT-NOT-FOUND' };
  },

  createOrderV3: (ctx, { request }) => {
    const key = `createOrderV3 ${request.idempotencyKey}`;
    const replayed = replay<WireCreateOrderV3Response>(ctx, key);
    if (replayed) return replayed;
    const now = ctx.now();
    const created = createOrder(ctx.state, request.order, now);
    const base = { idempotencyResult: 'IDEMPOTENCY-RESULT-ORIGINAL-RESPONSE' } as const;
    if (!created.ok) {
      const exists = 'exists' in created;
      return remember<WireCreateOrderV3Response>(ctx, key, {
        ...base,
        result: exists ? 'CREATE-ORDER-RESULT-EXT-ORDER-ID-ALREADY-EXISTS' : 'CREATE-ORDER-RESULT-FAILED',
        errorMessage: exists ? `extOrderId "${request.order.extOrderId}" already exists` : created.message,
        info: { orderId: '', orderString: '' },
      });
    }
    const order = created.value;
    const info = { orderId: order.orderId, orderString: order.transactionString ?? '' };
    const payments = request.paymentList?.payment ?? [];
    if (payments.length === 0) {
      return remember<WireCreateOrderV3Response>(ctx, key, {
        ...base,
        result: 'CREATE-ORDER-RESULT-OK',
        order: snapshot(order),
        errorMessage: '',
        info,
      });
    }
    const paid = payOrder(ctx.state, order, payments, request.prepay === true, now, (o, p) =>
      invoiceOrder(ctx.state, o, p, now),
    );
    return remember<WireCreateOrderV3Response>(ctx, key, {
      ...base,
      result:
        paid.result === 'PAY-ORDER-RESULT-OK'
          ? 'CREATE-ORDER-RESULT-OK'
          : 'CREATE-ORDER-RESULT-PAYMENT-FAILED',
      order: snapshot(order),
      errorMessage: paid.message,
      info,
      payResult: paid.result,
      ...(paid.invoiceId ? { invoiceId: paid.invoiceId } : {}),
    });
  },

  payOrderV2: (ctx, { request }) => {
    const key = `payOrderV2 ${request.idempotencyKey}`;
    const replayed = replay<WirePayOrderV2Response>(ctx, key);
    if (replayed) return replayed;
    const base = { idempotencyResult: 'IDEMPOTENCY-RESULT-ORIGINAL-RESPONSE' } as const;
    const order = ctx.state.orders.get(request.orderId);
    if (!order) {
      return remember<WirePayOrderV2Response>(ctx, key, {
        ...base,
        result: 'PAY-ORDER-RESULT-FAILED',
        errorMessage: `order ${request.orderId} does not exist`,
      });
    }
    const now = ctx.now();
    const paid = payOrder(ctx.state, order, request.paymentList.payment ?? [], request.prepay, now, (o, p) =>
      invoiceOrder(ctx.state, o, p, now),
    );
    return remember<WirePayOrderV2Response>(ctx, key, {
      ...base,
      result: paid.result,
      errorMessage: paid.message,
      ...(paid.invoiceId ? { invoiceId: paid.invoiceId } : {}),
    });
  },
};

import type { PayOrderResult } from '../generated/wire-types';
import type {
  CreateOrderV3Request,
  GetOrdersRequest,
  Order,
  PayOrderV2Request,
} from '../generated/model-types';
import type { CallOptions, SoapCaller } from '../soap-caller';
import { iterateSyncPages, type SyncIterateOptions, type SyncPage } from '../sync-pages';
import { isReplay, messageOf, type WithOptional } from './shared';

/**
 * Sales orders. createOrderV3 and payOrderV2 carry an idempotencyKey: re-sending the same key
 * after a lost answer returns the stored result (`replayed: true`) instead of a second order.
 */

export type OrdersQuery = WithOptional<GetOrdersRequest, 'articlePluNumbers' | 'articleBarcodes'>;

/** An order to create: Mplus assigns orderId (sent empty, as the schema requires the element). */
export type NewOrder = WithOptional<Order, 'orderId'>;

export type CreateOrderV3Input = Omit<CreateOrderV3Request, 'order'> & { order: NewOrder };

export type CreateOrderOutcome =
  | {
      kind: 'created';
      orderId: string;
      orderString: string;
      order?: Order;
      /** Set when payments were sent: the result of paying the new order. */
      payResult?: PayOrderResult;
      invoiceId?: string;
      replayed: boolean;
    }
  /** The extOrderId is taken: the order is already there. Not a retry case; look it up with findOrder. */
  | { kind: 'already_exists'; extOrderId: string | undefined; message: string; replayed: boolean }
  | { kind: 'payment_failed'; orderId: string; message: string; replayed: boolean }
  | { kind: 'rejected'; message: string; replayed: boolean };

export type PayOrderOutcome =
  | { kind: 'paid'; invoiceId?: string; replayed: boolean }
  | { kind: 'order_changed'; message: string; replayed: boolean }
  | { kind: 'payment_insufficient'; message: string; replayed: boolean }
  | { kind: 'already_invoiced'; message: string; replayed: boolean }
  | { kind: 'rejected'; message: string; replayed: boolean };

export interface OrdersApi {
  getOrders(query?: OrdersQuery, options?: CallOptions): Promise<Order[]>;
  /** null when not found. */
  getOrder(orderId: string, options?: CallOptions): Promise<Order | null>;
  /** By your extOrderId; null when not found. */
  findOrder(extOrderId: string, options?: CallOptions): Promise<Order | null>;
  createOrderV3(input: CreateOrderV3Input, options?: CallOptions): Promise<CreateOrderOutcome>;
  payOrderV2(input: PayOrderV2Request, options?: CallOptions): Promise<PayOrderOutcome>;
  iterateOrders(options?: SyncIterateOptions): AsyncGenerator<SyncPage<Order>, void, undefined>;
}

export function ordersApi(caller: SoapCaller): OrdersApi {
  const getOrders = async (query: OrdersQuery = {}, options?: CallOptions): Promise<Order[]> => {
    const request = { articlePluNumbers: {}, articleBarcodes: {}, ...query };
    const answer = await caller.call('getOrders', { request }, options);
    return answer.orderList.order ?? [];
  };
  return {
    getOrders,
    async getOrder(orderId, options) {
      const answer = await caller.call('getOrder', { orderId }, options);
      return answer.result === 'GET-ORDER-RESULT-OK' ? (answer.order ?? null) : null;
    },
    async findOrder(extOrderId, options) {
      const answer = await caller.call('findOrder', { extOrderId }, options);
      return answer.result === 'GET-ORDER-RESULT-OK' ? (answer.order ?? null) : null;
    },
    async createOrderV3(input, options) {
      const request = { ...input, order: { ...input.order, orderId: input.order.orderId ?? '' } };
      const answer = await caller.call('createOrderV3', { request }, options);
      const replayed = isReplay(answer.idempotencyResult);
      const message = messageOf(answer.errorMessage, answer.result);
      switch (answer.result) {
        case 'CREATE-ORDER-RESULT-OK':
          return {
            kind: 'created',
            orderId: answer.info.orderId,
            orderString: answer.info.orderString,
            replayed,
            ...(answer.order ? { order: answer.order } : {}),
            ...(answer.payResult ? { payResult: answer.payResult } : {}),
            ...(answer.invoiceId ? { invoiceId: answer.invoiceId } : {}),
          };
        case 'CREATE-ORDER-RESULT-EXT-ORDER-ID-ALREADY-EXISTS':
          return { kind: 'already_exists', extOrderId: input.order.extOrderId, message, replayed };
        case 'CREATE-ORDER-RESULT-PAYMENT-FAILED':
          return { kind: 'payment_failed', orderId: answer.info.orderId, message, replayed };
        default:
          return { kind: 'rejected', message, replayed };
      }
    },
    async payOrderV2(input, options) {
      const answer = await caller.call('payOrderV2', { request: input }, options);
      const replayed = isReplay(answer.idempotencyResult);
      const message = messageOf(answer.errorMessage, answer.result);
      switch (answer.result) {
        case 'PAY-ORDER-RESULT-OK':
          return { kind: 'paid', replayed, ...(answer.invoiceId ? { invoiceId: answer.invoiceId } : {}) };
        case 'PAY-ORDER-RESULT-ORDER-HAS-CHANGED':
          return { kind: 'order_changed', message, replayed };
        case 'PAY-ORDER-RESULT-PAYMENT-INSUFFICIENT':
          return { kind: 'payment_insufficient', message, replayed };
        case 'PAY-ORDER-RESULT-ORDER-ALREADY-INVOICED':
          return { kind: 'already_invoiced', message, replayed };
        default:
          return { kind: 'rejected', message, replayed };
      }
    },
    iterateOrders: (options) =>
      iterateSyncPages(
        {
          operation: 'getOrders',
          fetch: (syncMarker, syncMarkerLimit, signal) =>
            getOrders({ syncMarker, syncMarkerLimit }, signal ? { signal } : undefined),
          markers: (order) => (order.syncMarker === undefined ? [] : [order.syncMarker]),
        },
        options,
      ),
  };
}

import { z } from 'zod';
import { toJsonObject } from '../../../../shared/domain/json';
import { OrderStatus } from '../../../../shared/domain/order-status';
import { roundTo } from '../../../../shared/domain/product';
import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import { mplusOrderStatusTarget } from '../../../../shared/nodes/mplus/targets';
import { permanentError } from '../../../engine/errors';
import { defineExecutor } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { readRecord } from '../../steps/support/records';

/** What is sent (and re-sent with the same idempotency key after a crash). */
const PayRequest = z.object({ orderId: z.string().min(1), method: z.string().min(1), amount: z.number() });

/**
 * A paid document pays its MplusKASSA order (found by extOrderId) with payOrderV2: idempotent, so
 * a lost answer is resolved by sending the same key again. Other statuses, already paid orders and
 * documents without an order are skipped with the reason.
 */
export const mplusOrderStatusTargetModule = defineExecutor(mplusOrderStatusTarget, {
  category: 'target',
  async open(ctx) {
    const client = await mplusClient(ctx);
    const { defaultPaymentMethod, missingOrder } = ctx.config;
    return {
      idempotency: 'key',
      async prepare(write) {
        const status = readRecord(OrderStatus, write.record.data, 'Order status');
        const order = await api(() => client.findOrder(status.orderReference, { signal: ctx.signal }));
        if (!order) {
          if (missingOrder === 'skip') {
            return {
              request: null,
              action: 'skip',
              skipReason: skipReason('mplusOrderMissing', { reference: status.orderReference }),
            };
          }
          throw permanentError(
            runMessage('mplusStatusOrderMissing', {
              document: status.number ?? status.orderReference,
              reference: status.orderReference,
            }),
            {
              code: 'missing_order',
              field: 'orderReference',
              value: status.orderReference,
            },
          );
        }
        if (status.status !== 'paid') {
          return {
            request: null,
            action: 'skip',
            skipReason: skipReason('nothingForStatus', { status: status.status }),
          };
        }
        if (order.fullyPaid) {
          return {
            request: null,
            action: 'skip',
            skipReason: skipReason('mplusOrderPaid', {
              order: String(order.transactionString ?? order.orderId),
            }),
          };
        }
        const amount = roundTo((order.totalInclAmount ?? 0) - (order.prepaidAmount ?? 0), 2);
        return {
          request: toJsonObject({
            orderId: order.orderId,
            method: status.paymentMethod ?? defaultPaymentMethod,
            amount,
          }),
          action: write.mode,
        };
      },
      async send(prepared, write) {
        const pay = PayRequest.parse(prepared.request);
        const outcome = await api(() =>
          client.payOrderV2(
            {
              idempotencyKey: write.idempotencyKey,
              orderId: pay.orderId,
              prepay: false,
              paymentList: { payment: [{ method: pay.method, amount: pay.amount }] },
            },
            { signal: ctx.signal },
          ),
        );
        if (outcome.kind === 'paid' || outcome.kind === 'already_invoiced') {
          return {
            targetIds: {
              orderId: pay.orderId,
              ...(outcome.kind === 'paid' && outcome.invoiceId ? { invoiceId: outcome.invoiceId } : {}),
            },
            response: toJsonObject(outcome),
          };
        }
        throw permanentError(
          runMessage('mplusRefusedPayment', { order: pay.orderId, detail: outcome.message }),
          {
            code: 'mplus_rejected',
          },
        );
      },
    };
  },
});

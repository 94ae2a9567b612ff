import { OrderStatus } from '../../../shared/domain/order-status';
import type { JsonObject } from '../../../shared/flow/json';
import { skipReason } from '../../../shared/flow/skip-reasons';
import { statusRulesTransform } from '../../../shared/nodes/steps/status-rules';
import { runMessage } from '../../../shared/flow/run-messages';
import { permanentError } from '../../engine/errors';
import { defineExecutor, emit, skip } from '../../engine/executor';
import { mapped } from './order-rules';
import { readRecord } from './support/records';

/** The source's status through the status map (and its payment method through the method map). */
export const statusRulesModule = defineExecutor(statusRulesTransform, {
  category: 'transform',
  open(ctx) {
    const { statusMap, unknownStatus, paymentMethods, defaultPaymentMethod } = ctx.config;
    return {
      process(record) {
        const status = readRecord(OrderStatus, record.data, 'Order status');
        const to = mapped(statusMap, status.sourceStatus);
        if (to === undefined) {
          if (unknownStatus === 'skip')
            return skip(skipReason('statusNotMapped', { status: status.sourceStatus }));
          const order = status.number ?? status.orderReference;
          throw permanentError(runMessage('unknownStatus', { order, status: status.sourceStatus }), {
            code: 'unknown_status',
            field: 'sourceStatus',
            value: status.sourceStatus,
          });
        }
        const method = status.paymentMethod
          ? (mapped(paymentMethods, status.paymentMethod) ?? defaultPaymentMethod)
          : defaultPaymentMethod;
        const data: JsonObject = { ...record.data, status: to };
        if (method === undefined) delete data.paymentMethod;
        else data.paymentMethod = method;
        return emit({ ...record, data });
      },
    };
  },
});

import { OrderStatus } from '../../../shared/domain/order-status';
import type { JsonObject } from '../../../shared/flow/json';
import { skipReason } from '../../../shared/flow/skip-reasons';
import { statusRulesTransform } from '../../../shared/nodes/steps/status-rules';
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
        const label = `Order status of "${status.number ?? status.orderReference}"`;
        const to = mapped(statusMap, status.sourceStatus);
        if (to === undefined) {
          const message = `status "${status.sourceStatus}" is not in the status map`;
          if (unknownStatus === 'skip')
            return skip(skipReason('statusNotMapped', { status: status.sourceStatus }));
          throw permanentError(`${label}: ${message}.`, {
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

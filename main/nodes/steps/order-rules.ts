import { toJsonObject } from '../../../shared/domain/json';
import { inclFromExcl } from '../../../shared/domain/product';
import { SalesOrder, type SalesOrderLine } from '../../../shared/domain/sales-order';
import { orderRulesTransform, type ValueMapping } from '../../../shared/nodes/steps/order-rules';
import { runMessage } from '../../../shared/flow/run-messages';
import { permanentError } from '../../engine/errors';
import { defineExecutor, emit } from '../../engine/executor';
import { readRecord } from './support/records';

/** Case-insensitive table lookup. */
export function mapped(table: readonly ValueMapping[], value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  return table.find((row) => row.from.trim().toLowerCase() === wanted)?.to;
}

/** Payment method, payment term, shipping method (or line) and status, through the node's tables. */
export const orderRulesModule = defineExecutor(orderRulesTransform, {
  category: 'transform',
  open(ctx) {
    const config = ctx.config;
    return {
      process(record) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const data = { ...record.data };

        const source = order.paymentMethod;
        let method: string | undefined = config.defaultPaymentMethod;
        if (source !== undefined && source !== '') {
          const to = mapped(config.paymentMethods, source);
          // An empty table maps nothing: the method passes as it is.
          if (to !== undefined) method = to;
          else if (config.unknownPaymentMethod === 'keep' || config.paymentMethods.length === 0)
            method = source;
          else if (config.unknownPaymentMethod === 'fail' || method === undefined) {
            throw permanentError(
              runMessage('unknownPaymentMethod', {
                kind: order.kind,
                number: order.number,
                method: source,
                orDefault: config.unknownPaymentMethod === 'default' ? 'yes' : undefined,
              }),
              { code: 'unknown_payment_method', field: 'paymentMethod', value: source },
            );
          }
        }
        if (method === undefined) delete data.paymentMethod;
        else data.paymentMethod = method;

        const term =
          (source
            ? config.paymentTerms.find((row) => row.paymentMethod.toLowerCase() === source.toLowerCase())
                ?.term
            : undefined) ?? config.paymentTerm;
        if (term) data.paymentTerm = toJsonObject(term);

        const shipping = order.shippingMethod;
        if (shipping) {
          const rule = config.shippingMethods.find(
            (row) => row.from.trim().toLowerCase() === shipping.trim().toLowerCase(),
          );
          if (rule) {
            data.shippingMethod = rule.to;
            if (rule.lineDescription !== undefined && rule.linePriceExcl !== undefined) {
              const rate = rule.lineTaxRate ?? order.lines[0]?.taxRate ?? 0;
              const line: SalesOrderLine = {
                description: rule.lineDescription,
                quantity: 1,
                unitPriceExcl: rule.linePriceExcl,
                unitPriceIncl: inclFromExcl(rule.linePriceExcl, rate),
                taxRate: rate,
              };
              data.lines = [...order.lines, line].map((entry) => toJsonObject(entry));
            }
          } else if (config.unknownShippingMethod === 'fail') {
            throw permanentError(
              runMessage('unknownShippingMethod', {
                kind: order.kind,
                number: order.number,
                method: shipping,
              }),
              {
                code: 'unknown_shipping_method',
                field: 'shippingMethod',
                value: shipping,
              },
            );
          } else if (config.unknownShippingMethod === 'drop') {
            delete data.shippingMethod;
          }
        }

        if (order.status && config.statusMap.length > 0) {
          const status = mapped(config.statusMap, order.status);
          if (status !== undefined) data.status = status;
        }
        return emit({ ...record, data });
      },
    };
  },
});

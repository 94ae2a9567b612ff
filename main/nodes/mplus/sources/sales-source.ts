import type { Invoice, Order } from '../../../connectors/mplus/generated/model-types';
import { matchEmail } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';
import { mplusSalesSource } from '../../../../shared/nodes/mplus/sources';
import { defineExecutor, type SourceRecord } from '../../../engine/executor';
import { mplusClient } from '../../steps/support/clients';
import { cursorObject, passesFilters, sourceRecord } from '../../steps/support/source-support';
import { ArticleSkus } from '../article-skus';
import { RelationsByNumber } from '../relations-by-number';
import { invoiceToSalesOrder, orderToSalesOrder } from '../convert/sales';
import { syncLoop } from './sync-loop';

/** POS orders or invoices by syncMarker, each with its relation (read a page's worth at a time, once per run). */
export const mplusSalesSourceModule = defineExecutor(mplusSalesSource, {
  category: 'source',
  async *read(ctx) {
    const client = await mplusClient(ctx);
    const { documentType, branches, startFrom, filters } = ctx.config;
    const stored = cursorObject(ctx.cursor);
    const start =
      stored?.documentType === documentType && typeof stored.syncMarker === 'number' ? stored.syncMarker : 0;
    const relations = new RelationsByNumber(client, ctx.signal, (call) => ctx.retry(call));
    const skus = new ArticleSkus(client, ctx.signal);
    const query = {
      ...(branches.length > 0 ? { branchNumbers: branches } : {}),
      ...(startFrom ? { fromFinancialDate: startFrom } : {}),
    };
    const entity = documentType === 'orders' ? 'order' : 'invoice';
    yield* syncLoop<Order | Invoice>(ctx, {
      start,
      fetch: (syncMarker, syncMarkerLimit) =>
        documentType === 'orders'
          ? client.getOrders({ ...query, syncMarker, syncMarkerLimit }, { signal: ctx.signal })
          : client.getInvoices({ ...query, syncMarker, syncMarkerLimit }, { signal: ctx.signal }),
      markers: (document) => (document.syncMarker === undefined ? [] : [document.syncMarker]),
      cursor: (next) => ({ documentType, syncMarker: next }),
      records: async (documents, resume) => {
        await skus.load(documents.flatMap((d) => (d.lineList?.line ?? []).map((line) => line.articleNumber)));
        await relations.load(documents.map((document) => document.relationNumber));
        const skuOf = (articleNumber: number) => skus.skuOf(articleNumber);
        const records: SourceRecord[] = [];
        for (const [index, document] of documents.entries()) {
          const relation = relations.get(document.relationNumber);
          const order =
            'orderId' in document
              ? orderToSalesOrder(document, relation, skuOf)
              : invoiceToSalesOrder(document, relation, skuOf);
          const data = toJsonObject(order);
          if (!passesFilters(filters, data)) continue;
          records.push(
            sourceRecord(
              { system: 'mplus', entity, id: order.source.id },
              data,
              { orderNumber: order.number, email: matchEmail(order.customer?.email) },
              resume(index),
            ),
          );
        }
        return records;
      },
    });
  },
});

import { articleGroupHandlers } from './article-groups';
import type { OperationHandlers } from './context';
import { invoiceHandlers } from './invoices';
import { metaHandlers } from './meta';
import { orderHandlers } from './orders';
import { productHandlers } from './products';
import { referenceDataHandlers } from './reference-data';
import { relationHandlers } from './relations';
import { stockHandlers } from './stock';

/** One handler per operation Koppel uses (tsc checks the table is complete). */
export const operationHandlers: OperationHandlers = {
  ...metaHandlers,
  ...referenceDataHandlers,
  ...productHandlers,
  ...articleGroupHandlers,
  ...stockHandlers,
  ...relationHandlers,
  ...orderHandlers,
  ...invoiceHandlers,
};

/** Reads never change state: no persistence, no fault applied half-way. */
export const isReadOperation = (name: string): boolean => name.startsWith('get') || name.startsWith('find');

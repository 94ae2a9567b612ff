import type { HandlerTable } from '../context';
import { companyHandlers } from './companies';
import { contactHandlers } from './contacts';
import { dealHandlers } from './deals';
import { generalHandlers } from './general';
import { invoiceHandlers } from './invoices';
import { productHandlers } from './products';
import { quotationHandlers } from './quotations';

/** Every operation the twin serves (a test checks this covers TEAMLEADER_OPERATIONS). */
export const HANDLERS: HandlerTable = {
  ...generalHandlers,
  ...productHandlers,
  ...contactHandlers,
  ...companyHandlers,
  ...dealHandlers,
  ...quotationHandlers,
  ...invoiceHandlers,
};

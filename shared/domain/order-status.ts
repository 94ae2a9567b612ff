import { z } from 'zod';
import { RawRecord, SourceRef } from './source-ref';

/** Koppel's status words; a status map turns a system's own status into one of these. */
export const CanonicalStatus = z.enum(['draft', 'open', 'paid', 'cancelled']);
export type CanonicalStatus = z.infer<typeof CanonicalStatus>;

/**
 * The payment status of a sales document in one system, to be applied to its counterpart in the
 * other. `orderReference` is what the other system knows the document by (e.g. the Teamleader
 * invoice id that MplusKASSA holds as `extOrderId`).
 */
export const OrderStatus = z.looseObject({
  source: SourceRef,
  number: z.string().optional(),
  orderReference: z.string().min(1),
  status: z.string().min(1),
  sourceStatus: z.string(),
  paidAmount: z.number().optional(),
  totalIncl: z.number().optional(),
  paymentMethod: z.string().optional(),
  paidAt: z.string().optional(),
  raw: RawRecord.optional(),
});
export type OrderStatus = z.infer<typeof OrderStatus>;

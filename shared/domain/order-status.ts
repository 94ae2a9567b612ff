import { z } from 'zod';
import { RawRecord, SourceRef } from './source-ref';

/** Koppel's status words; a status map turns a system's own status into one of these. */
export const CanonicalStatus = z.enum(['draft', 'open', 'paid', 'cancelled']);
export type CanonicalStatus = z.infer<typeof CanonicalStatus>;

/**
 * The statuses a source's sales documents come with, as a status map's left side offers them.
 * Teamleader's are its own (invoices: draft, outstanding, matched; quotations: open … closed; deals:
 * open, won, lost); the till's are Koppel's reading of an order or invoice (convert/sales.ts).
 */
export const SOURCE_STATUSES = {
  teamleader: [
    'draft',
    'outstanding',
    'matched',
    'open',
    'accepted',
    'expired',
    'rejected',
    'closed',
    'won',
    'lost',
  ],
  mplus: ['open', 'paid', 'cancelled', 'credit'],
} as const satisfies Record<'teamleader' | 'mplus', readonly string[]>;

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

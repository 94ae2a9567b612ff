import { z } from 'zod';
import { RawRecord, SourceRef } from './source-ref';

/** The free stock of one product (by SKU), optionally at one branch. */
export const StockLevel = z.looseObject({
  source: SourceRef,
  sku: z.string().min(1),
  quantity: z.number(),
  branch: z.string().optional(),
  raw: RawRecord.optional(),
});
export type StockLevel = z.infer<typeof StockLevel>;

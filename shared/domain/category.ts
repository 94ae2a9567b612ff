import { z } from 'zod';
import { RawRecord, SourceRef } from './source-ref';

/** A product category (an MplusKASSA article group, a Teamleader product category). Matched by name. */
export const Category = z.looseObject({
  source: SourceRef,
  id: z.string(),
  name: z.string().min(1),
  description: z.string().optional(),
  parentId: z.string().optional(),
  parentName: z.string().optional(),
  raw: RawRecord.optional(),
});
export type Category = z.infer<typeof Category>;

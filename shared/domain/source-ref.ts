import { z } from 'zod';

/** Where a canonical record came from: its system, entity and id there (the record's stable identity). */
export const SourceRef = z.object({
  system: z.enum(['mplus', 'teamleader']),
  entity: z.string().min(1),
  id: z.string().min(1),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** The raw API record a source read, kept next to the canonical fields for mapping and debugging. */
export const RawRecord = z.record(z.string(), z.json());

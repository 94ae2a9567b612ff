import { z } from 'zod';
import { FlowDocument } from '../../../shared/flow/flow-document';
import { RunCounts } from '../../../shared/flow/run-records';

/** What a child run is told to do (written to a JSON file, path passed as its argument). */
export const ChildRunSpec = z.object({
  dataDir: z.string(),
  flow: FlowDocument,
  /**
   * Absolute path of a module exporting `createConnections(options): ConnectionProvider` (or a
   * promise of one): the twins' clients for the crash and fault tests, a file-backed test system here.
   */
  connectionsModule: z.string(),
  connectionsOptions: z.unknown().optional(),
  dryRun: z.boolean().default(false),
  limit: z.number().int().min(1).optional(),
  /** Print every run event as a JSON line (the parent kills on them). */
  printEvents: z.boolean().default(true),
});
export type ChildRunSpec = z.infer<typeof ChildRunSpec>;
export type ChildRunSpecInput = z.input<typeof ChildRunSpec>;

/** The result line a child prints when its run finished. */
export const ChildResult = z.object({
  runId: z.string(),
  status: z.enum(['succeeded', 'failed', 'cancelled', 'interrupted']),
  counts: RunCounts,
  durationMs: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  unreachableFailed: z.number().int().nonnegative(),
});

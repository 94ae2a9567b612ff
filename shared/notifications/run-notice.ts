import { z } from 'zod';
import { RunCounts, RunError, RunStatus } from '../flow/run-records';

/**
 * A desktop notification about a flow: a run `failed` (or was interrupted), or the flow
 * `recovered` (a run succeeded after a failure). The notifier sends at most one per flow per
 * 15 minutes; `folded` counts the later outcomes this one stands for.
 */
export const RunNotice = z.object({
  id: z.string(),
  kind: z.enum(['failed', 'recovered']),
  flowId: z.string(),
  flowName: z.string(),
  runId: z.string(),
  status: RunStatus,
  counts: RunCounts,
  error: RunError.nullable(),
  at: z.string(),
  folded: z.number().int().min(0),
});
export type RunNotice = z.infer<typeof RunNotice>;

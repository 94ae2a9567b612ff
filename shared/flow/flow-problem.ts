import { z } from 'zod';

/**
 * One finding of flow validation, as the editor shows it on a node or edge. `field` is the config
 * path inside the node (`fields.2.target`) when the finding is about one field.
 */
export const FlowProblem = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
});
export type FlowProblem = z.infer<typeof FlowProblem>;

/** Whether the problems allow the flow to run. */
export function hasErrors(problems: readonly FlowProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

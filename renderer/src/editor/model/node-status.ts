import type { FlowProblem } from '../../../../shared/flow/flow-problem';
import type { CatalogEntry } from '../../../../shared/nodes/catalog';

/**
 * How a node looks on the canvas: `unconfigured` (still as dropped, settings missing),
 * `invalid` (has errors), `warning` (runs, but something deserves a look) or `ok`.
 */
export type NodeState = 'unconfigured' | 'invalid' | 'warning' | 'ok';

export interface NodeStatus {
  state: NodeState;
  errors: number;
  warnings: number;
}

/** The flow's problems by node id (flow-level problems under the empty string). */
export function problemsByNode(problems: readonly FlowProblem[]): Map<string, FlowProblem[]> {
  const byNode = new Map<string, FlowProblem[]>();
  for (const problem of problems) {
    const id = problem.nodeId ?? '';
    byNode.set(id, [...(byNode.get(id) ?? []), problem]);
  }
  return byNode;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A node's state from its problems, and whether its config is still the kind's default. */
export function nodeStatus(
  problems: readonly FlowProblem[],
  config: Record<string, unknown>,
  entry: CatalogEntry | undefined,
): NodeStatus {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.length - errors.length;
  const untouched = entry !== undefined && sameJson(config, entry.defaultConfig);
  const configErrors = errors.some((problem) => problem.code === 'node.config');
  let state: NodeState = 'ok';
  if (configErrors && untouched) state = 'unconfigured';
  else if (errors.length > 0) state = 'invalid';
  else if (warnings > 0) state = 'warning';
  return { state, errors: errors.length, warnings };
}

/** Counts of one node in a run (from `nodeProgress`). */
export interface NodeRunCounts {
  received: number;
  passed: number;
  skipped: number;
  failed: number;
}

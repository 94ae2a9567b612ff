import type { RunEvent } from '../../../../shared/flow/run-events';
import type { NodeRunCounts } from '../model/node-status';

/** Folds run events into per-node counts: the newest `nodeProgress` of each node wins. */
export function nodeCountsFrom(
  events: readonly RunEvent[],
  into: Readonly<Record<string, NodeRunCounts>> = {},
): Record<string, NodeRunCounts> {
  const counts = { ...into };
  for (const event of events) {
    if (event.type !== 'nodeProgress') continue;
    counts[event.nodeId] = {
      received: event.received,
      passed: event.passed,
      skipped: event.skipped,
      failed: event.failed,
    };
  }
  return counts;
}

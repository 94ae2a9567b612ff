import type { RunItemSummary } from '../../../../shared/flow/run-records';
import type { ReasonLanguage } from '../../../../shared/flow/skip-reasons';
import { itemReason } from '../../../../shared/flow/item-reason';

/** What a dry run says about one target: what it would create, update or skip, and what failed. */
export interface TargetOutcome {
  nodeId: string;
  create: RunItemSummary[];
  update: RunItemSummary[];
  skipped: RunItemSummary[];
  failed: RunItemSummary[];
}

export interface DryRunSummary {
  targets: TargetOutcome[];
  /** Records that stopped before any target (filtered out, or failed on the way), by node. */
  stoppedBefore: { nodeId: string | null; skipped: RunItemSummary[]; failed: RunItemSummary[] }[];
}

/**
 * Groups a dry run's records per target node (in the order of `targetIds`); records that ended at
 * another node are listed under the node they stopped at.
 */
export function summariseDryRun(
  items: readonly RunItemSummary[],
  targetIds: readonly string[],
): DryRunSummary {
  const targets = new Map<string, TargetOutcome>(
    targetIds.map((nodeId) => [nodeId, { nodeId, create: [], update: [], skipped: [], failed: [] }]),
  );
  const stopped = new Map<
    string | null,
    { nodeId: string | null; skipped: RunItemSummary[]; failed: RunItemSummary[] }
  >();
  for (const item of items) {
    const target = item.nodeId ? targets.get(item.nodeId) : undefined;
    if (target) {
      if (item.status === 'failed') target.failed.push(item);
      else if (item.status === 'skipped') target.skipped.push(item);
      else if (item.action === 'wouldUpdate' || item.action === 'updated') target.update.push(item);
      else if (item.status === 'succeeded') target.create.push(item);
      continue;
    }
    if (item.status !== 'skipped' && item.status !== 'failed') continue;
    const group = stopped.get(item.nodeId) ?? { nodeId: item.nodeId, skipped: [], failed: [] };
    (item.status === 'failed' ? group.failed : group.skipped).push(item);
    stopped.set(item.nodeId, group);
  }
  return { targets: [...targets.values()], stoppedBefore: [...stopped.values()] };
}

/** The distinct reasons of skipped records, most frequent first, with their counts. */
export function reasons(
  items: readonly RunItemSummary[],
  language: ReasonLanguage,
): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const reason = itemReason(item, language);
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count);
}

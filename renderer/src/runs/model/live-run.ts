import type { RunEvent } from '../../../../shared/flow/run-events';
import type { RunCounts, RunSummary } from '../../../../shared/flow/run-records';
import type { RunMessage } from '../../../../shared/flow/run-messages';

/** Counts of one node in a run, as `nodeProgress` reports them (the canvas badges show them). */
export interface NodeCounts {
  received: number;
  passed: number;
  skipped: number;
  failed: number;
}

/** A run as the screens show it: the stored summary, kept current by its events. */
export interface LiveRun extends RunSummary {
  nodeCounts: Record<string, NodeCounts>;
  /** The last wait the run told of (a rate limit): until when, and why. Past once `until` is. */
  wait?: { until: string; message: string; text?: RunMessage };
}

export function liveRunFromSummary(
  summary: RunSummary,
  nodeCounts: Record<string, NodeCounts> = {},
): LiveRun {
  return { ...summary, nodeCounts };
}

/** A run known only from its `runStarted` event (it began after the screen loaded). */
export function liveRunFromStart(event: Extract<RunEvent, { type: 'runStarted' }>): LiveRun {
  return {
    id: event.runId,
    flowId: event.flowId,
    flowName: event.flowName,
    flowRevision: event.flowRevision,
    trigger: event.trigger,
    parentRunId: event.parentRunId,
    dryRun: event.dryRun,
    status: 'running',
    startedAt: event.at,
    finishedAt: null,
    durationMs: null,
    counts: { total: 0, succeeded: 0, skipped: 0, failed: 0 },
    error: null,
    lastSeq: event.seq,
    nodeCounts: {},
  };
}

/**
 * Applies a run's events (already ordered) to its state. Events at or below `lastSeq` are already
 * counted in the summary and are ignored, so applying a batch twice changes nothing.
 */
export function applyRunEvents(run: LiveRun, events: readonly RunEvent[]): LiveRun {
  let next = run;
  let counts: RunCounts | null = null;
  let nodeCounts: Record<string, NodeCounts> | null = null;
  for (const event of events) {
    if (event.runId !== run.id || event.seq <= next.lastSeq) continue;
    if (next === run) next = { ...run };
    next.lastSeq = event.seq;
    switch (event.type) {
      case 'itemStarted':
        counts ??= { ...run.counts };
        counts.total++;
        break;
      case 'itemSucceeded':
        counts ??= { ...run.counts };
        counts.succeeded++;
        break;
      case 'itemSkipped':
        counts ??= { ...run.counts };
        counts.skipped++;
        break;
      case 'itemFailed':
        counts ??= { ...run.counts };
        counts.failed++;
        break;
      case 'nodeProgress': {
        nodeCounts ??= { ...run.nodeCounts };
        const { received, passed, skipped, failed } = event;
        nodeCounts[event.nodeId] = { received, passed, skipped, failed };
        break;
      }
      case 'log':
        if (event.until) next.wait = { until: event.until, message: event.message, text: event.text };
        if (event.level === 'warn') next.warnings = (next.warnings ?? 0) + 1;
        break;
      case 'runFinished':
        counts = { ...event.counts };
        next.status = event.status;
        next.finishedAt = event.at;
        next.durationMs = event.durationMs;
        next.error = event.error;
        break;
      default:
        break;
    }
  }
  if (counts) next.counts = counts;
  if (nodeCounts) next.nodeCounts = nodeCounts;
  return next;
}

/**
 * A retry run settled a record of this run: the record leaves `failed` for its new outcome. The
 * stored counts catch up when the retry run finishes; this keeps the screen current meanwhile.
 */
export function applyRetryOutcome(run: LiveRun, outcome: 'succeeded' | 'skipped'): LiveRun {
  if (run.counts.failed === 0) return run;
  return {
    ...run,
    counts: { ...run.counts, failed: run.counts.failed - 1, [outcome]: run.counts[outcome] + 1 },
  };
}

/** Share of records done, 0–1; null while the total is unknown (a streaming source). */
export function runProgress(run: Pick<RunSummary, 'counts' | 'status'>): number | null {
  if (run.status !== 'running') return 1;
  const { total, succeeded, skipped, failed } = run.counts;
  if (total === 0) return null;
  return Math.min(1, (succeeded + skipped + failed) / total);
}

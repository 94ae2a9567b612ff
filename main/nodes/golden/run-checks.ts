import type { ItemStatus, RunItemSummary, RunStatus } from '../../../shared/flow/run-records';
import type { Store } from '../../store/store';

/** The values that occur more than once (empty ones ignored): duplicates in a twin's records. */
export function duplicatesOf(values: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    if (seen.has(value)) twice.add(value);
    seen.add(value);
  }
  return [...twice];
}

/** What the crash and fault tests check in a run database after their runs, and print. */
export interface RunDatabaseReport {
  runs: number;
  /** `runFinished` events per run, oldest run first: each must be exactly 1. */
  runFinishedPerRun: number[];
  statuses: Partial<Record<RunStatus, number>>;
  /** Items of any run still pending or running: a record whose fate is not known. */
  openItems: number;
  /** Items per status over all runs, and the reasons of the skipped and failed ones. */
  items: Partial<Record<ItemStatus, number>> & { reasons: Record<string, number> };
  /** Per record (item key): how its last item ended, and how many records a kill interrupted. */
  records: { distinct: number; last: Record<string, number>; interrupted: number };
  /** Write intents still open for the flow (sourceKeys). */
  openIntents: string[];
}

const PAGE = 10_000;

/** Every item of a run, paged. */
export function allItems(store: Store, runId: string): RunItemSummary[] {
  const items: RunItemSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = store.items.list(runId, { limit: PAGE, offset }).items;
    items.push(...page);
    if (page.length < PAGE) return items;
  }
}

function runFinishedCount(store: Store, runId: string): number {
  let count = 0;
  for (let after = 0; ;) {
    const events = store.events.page(runId, after, PAGE);
    count += events.filter((event) => event.type === 'runFinished').length;
    const last = events.at(-1);
    if (!last || events.length < PAGE) return count;
    after = last.seq;
  }
}

/**
 * Reads a flow's runs back from the run database. Reasons are cut at the first digit or quote, so
 * "already in Teamleader as invoice (draft …)" counts as one reason however many records had it.
 */
export function runDatabaseReport(store: Store, flowId: string): RunDatabaseReport {
  const runs = store.runs.list({ flowId, limit: 1_000 }).runs.reverse();
  const report: RunDatabaseReport = {
    runs: runs.length,
    runFinishedPerRun: [],
    statuses: {},
    openItems: 0,
    items: { reasons: {} },
    records: { distinct: 0, last: {}, interrupted: 0 },
    openIntents: store.exactlyOnce.intents(flowId).map((intent) => intent.sourceKey),
  };
  const last = new Map<string, string>();
  const interrupted = new Set<string>();
  for (const run of runs) {
    report.runFinishedPerRun.push(runFinishedCount(store, run.id));
    report.statuses[run.status] = (report.statuses[run.status] ?? 0) + 1;
    for (const item of allItems(store, run.id)) {
      last.set(item.key, item.status === 'succeeded' ? 'succeeded' : `${item.status}: ${reasonKind(item)}`);
      if (item.error?.code === 'interrupted') interrupted.add(item.key);
      report.items[item.status] = (report.items[item.status] ?? 0) + 1;
      if (item.status === 'pending' || item.status === 'running') report.openItems++;
      if (item.status === 'failed' || item.status === 'skipped') {
        const reason = `${item.status}: ${reasonKind(item)}`;
        report.items.reasons[reason] = (report.items.reasons[reason] ?? 0) + 1;
      }
    }
  }
  report.records.distinct = last.size;
  report.records.interrupted = interrupted.size;
  for (const outcome of last.values()) report.records.last[outcome] = (report.records.last[outcome] ?? 0) + 1;
  return report;
}

function reasonKind(item: RunItemSummary): string {
  // Codes, not words: a reason's words hold ids (a run's, an invoice's) that would split the tally.
  if (item.error) return item.error.code;
  if (item.reasons?.length) return item.reasons.map((reason) => reason.code).join(' + ');
  const text = item.reason ?? '(no reason)';
  return text.split(/[0-9"'(]/)[0]?.trim() || text;
}

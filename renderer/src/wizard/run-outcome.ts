import type { JsonValue } from '../../../shared/flow/json';
import type { RunEvent } from '../../../shared/flow/run-events';
import { warningsIn, type RunWarning } from '../../../shared/flow/run-warnings';
import type { RunItemSummary, RunSummary } from '../../../shared/flow/run-records';
import type { SkipReason } from '../../../shared/flow/skip-reasons';
import type { RecordGist } from './record-gist';
import type { RunMessage } from '../../../shared/flow/run-messages';

/** One record of a run as the wizard lists it. */
export interface RecordLine {
  itemId: number;
  /** What people recognise it by: order number, e-mail, SKU, else its key. */
  label: string;
  status: RunItemSummary['status'];
  action: RunItemSummary['action'];
  /** Why it was skipped or failed. */
  /** The error message or the English skip reason. */
  reason: string | null;
  /** A skipped record's reasons as codes (the view words them). */
  reasons: SkipReason[] | null;
  /** A failed record's error (the view words it in the UI's language). */
  error: RunItemSummary['error'];
  /** Filled in from the stored record, when it was read: what it is and what would be sent. */
  gist?: RecordGist | null;
  operation?: string | null;
  request?: JsonValue | null;
}

/** What a run did (or, for a dry run, would do), counted and with examples. */
export interface RunOutcome {
  runId: string;
  status: RunSummary['status'];
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** The run could not go on at all (e.g. a system could not be reached). */
  runError: { message: string; text?: RunMessage } | null;
  /** The most frequent failure reasons, most frequent first. */
  topErrors: { message: string; text?: RunMessage; count: number }[];
  /** What the run warned of (e.g. tax rules that change the VAT), each once, in the order told. */
  warnings: RunWarning[];
  examples: RecordLine[];
}

export function recordLabel(item: RunItemSummary): string {
  const keys = item.businessKeys;
  return keys.orderNumber ?? keys.email ?? keys.sku ?? item.key;
}

/**
 * Counts a run's records by what happened to them. `created`/`updated` include what a dry run
 * would create or update; failed records come first among the examples so they are seen.
 */
export function summariseRun(
  run: RunSummary,
  items: readonly RunItemSummary[],
  events: readonly RunEvent[] = [],
  maxExamples = 8,
): RunOutcome {
  const created = items.filter((i) => i.action === 'created' || i.action === 'wouldCreate').length;
  const updated = items.filter((i) => i.action === 'updated' || i.action === 'wouldUpdate').length;
  const errors = new Map<string, { message: string; text?: RunMessage; count: number }>();
  for (const item of items) {
    if (item.status !== 'failed') continue;
    const message = item.error?.message ?? item.reason ?? 'Failed';
    const seen = errors.get(message);
    if (seen) seen.count++;
    else errors.set(message, { message, ...(item.error?.text ? { text: item.error.text } : {}), count: 1 });
  }
  const ordered = [...items].sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed'));
  return {
    runId: run.id,
    status: run.status,
    dryRun: run.dryRun,
    total: run.counts.total,
    created,
    updated,
    skipped: run.counts.skipped,
    failed: run.counts.failed,
    runError: run.error ?? null,
    topErrors: [...errors.values()].sort((a, b) => b.count - a.count).slice(0, 3),
    warnings: warningsIn(events),
    examples: ordered.slice(0, maxExamples).map((item) => ({
      itemId: item.id,
      label: recordLabel(item),
      status: item.status,
      action: item.action,
      reason: item.status === 'failed' ? (item.error?.message ?? item.reason) : item.reason,
      reasons: item.status === 'skipped' ? (item.reasons ?? null) : null,
      error: item.status === 'failed' ? item.error : null,
    })),
  };
}

/** A run that finished with nothing failed: what "a first successful run" means. */
export function succeeded(outcome: RunOutcome): boolean {
  return outcome.status === 'succeeded' && outcome.failed === 0 && outcome.runError === null;
}

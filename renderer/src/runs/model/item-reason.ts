import {
  STOPPED_BY_CANCEL,
  type RunItemSummary,
  type StepErrorInfo,
} from '../../../../shared/flow/run-records';
import { skipReasonsText, type ReasonLanguage, type SkipReason } from '../../../../shared/flow/skip-reasons';
import { messageIn } from '../../../../shared/flow/run-messages';

/**
 * What a record's reason column says in `language`: a failed record's error (worded from its code
 * when it has one; a system's own words as it gave them), a skipped record's reasons worded from
 * their codes, or the stored English sentence for records kept before there were codes.
 */
export function itemReason(
  item: Pick<RunItemSummary, 'status' | 'reason' | 'error'> & { reasons?: readonly SkipReason[] | null },
  language: ReasonLanguage,
): string {
  if (item.status === 'failed') return item.error ? messageIn(item.error, language) : (item.reason ?? '');
  return skipReasonsText(item.reasons, language, item.reason) ?? '';
}

/** The run that retried this record and settled it (its reason `retriedIn`), for a link to it. */
export function retryRunOf(item: { reasons?: readonly SkipReason[] | null }): string | undefined {
  const reason = item.reasons?.find((entry) => entry.code === 'retriedIn');
  const runId = reason?.params?.runId;
  return typeof runId === 'string' ? runId : undefined;
}

/**
 * The status a record is shown with: one a cancel stopped failed (it can be retried, and the next run
 * reads it again) but did not fail of itself, so it reads "Cancelled" as its run does.
 */
export function shownStatus(
  item: Pick<RunItemSummary, 'status' | 'error'>,
): RunItemSummary['status'] | 'cancelled' {
  return item.status === 'failed' && item.error?.code === STOPPED_BY_CANCEL ? 'cancelled' : item.status;
}

/** What kind of failure an error is, as the record's page words it: passing, for good, or a cancel's. */
export function errorKind(
  error: Pick<StepErrorInfo, 'code' | 'transient'>,
): 'runs.record.stoppedByCancel' | 'runs.record.transient' | 'runs.record.permanent' {
  if (error.code === STOPPED_BY_CANCEL) return 'runs.record.stoppedByCancel';
  return error.transient ? 'runs.record.transient' : 'runs.record.permanent';
}

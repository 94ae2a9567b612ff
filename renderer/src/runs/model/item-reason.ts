import { STOPPED_BY_CANCEL, type StepErrorInfo } from '../../../../shared/flow/run-records';
import type { SkipReason } from '../../../../shared/flow/skip-reasons';

/** The run that retried this record and settled it (its reason `retriedIn`), for a link to it. */
export function retryRunOf(item: { reasons?: readonly SkipReason[] | null }): string | undefined {
  const reason = item.reasons?.find((entry) => entry.code === 'retriedIn');
  const runId = reason?.params?.runId;
  return typeof runId === 'string' ? runId : undefined;
}

/** What kind of failure an error is, as the record's page words it: passing, for good, or a cancel's. */
export function errorKind(
  error: Pick<StepErrorInfo, 'code' | 'transient'>,
): 'runs.record.stoppedByCancel' | 'runs.record.transient' | 'runs.record.permanent' {
  if (error.code === STOPPED_BY_CANCEL) return 'runs.record.stoppedByCancel';
  return error.transient ? 'runs.record.transient' : 'runs.record.permanent';
}

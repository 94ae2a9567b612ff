/** What a retry made of a node's failures, worded by a `runs.detail` key with a count. */
export interface RetryNote {
  key: 'runs.detail.nodeFixed' | 'runs.detail.nodeStillFailing' | 'runs.detail.nodeFailingAfterRetry';
  count: number;
}

/**
 * A node's failures as the run went (`failed`) against those failing there now (`now`, after the
 * retries of its records): null when nothing changed.
 */
export function retryNote(failed: number, now: number): RetryNote | null {
  if (now === failed) return null;
  if (now === 0) return { key: 'runs.detail.nodeFixed', count: failed };
  if (now < failed) return { key: 'runs.detail.nodeStillFailing', count: now };
  return { key: 'runs.detail.nodeFailingAfterRetry', count: now };
}

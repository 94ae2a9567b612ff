/**
 * A count of failed records split into those that failed of themselves and those a cancel stopped
 * (`stopped`, read later than the counts: a retry may have settled some since, so it is capped).
 */
export function stoppedApart(failed: number, stopped: number): { failed: number; stopped: number } {
  const shown = Math.min(stopped, failed);
  return { failed: failed - shown, stopped: shown };
}

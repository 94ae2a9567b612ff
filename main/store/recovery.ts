import type { RunFinishedEvent } from '../../shared/flow/run-events';
import type { RunCounts } from '../../shared/flow/run-records';
import type { z } from 'zod';
import type { Db } from './database';
import type { ItemsRepo } from './items-repo';
import type { RunsRepo } from './runs-repo';
import { EventsRepo } from './events-repo';
import { messageFields, runMessage, type RunMessage } from '../../shared/flow/run-messages';

const interruptedError = {
  code: 'interrupted',
  ...messageFields(runMessage('interruptedRecord')),
  transient: true,
};

/**
 * Finishes a run whose process died: its open items fail as "interrupted" (their write intents
 * stay, so the next run checks the target before writing), and the run gets its one
 * `runFinished` event. Must run inside a transaction. Returns that event, or undefined when the run
 * was not running.
 */
export function finishInterruptedRun(
  db: Db,
  repos: { runs: RunsRepo; items: ItemsRepo },
  runId: string,
  reason: RunMessage,
  now: number,
): z.infer<typeof RunFinishedEvent> | undefined {
  const run = repos.runs.row(runId);
  if (!run || run.status !== 'running') return undefined;
  db.prepare(
    `UPDATE items SET status = 'failed', reason = 'interrupted', error_json = @error, finished_at = @now
     WHERE run_id = @runId AND status IN ('pending', 'running')`,
  ).run({ runId, now, error: JSON.stringify(interruptedError) });
  const counts: RunCounts = repos.items.countsOf(runId);
  const error = { code: 'interrupted', ...messageFields(reason) };
  if (!repos.runs.finish(runId, { status: 'interrupted', finishedAt: now, counts, error })) return undefined;
  const lastSeq =
    db
      .prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE run_id = ?')
      .get(runId)?.seq ?? 0;
  const event = {
    runId,
    seq: lastSeq + 1,
    at: new Date(now).toISOString(),
    type: 'runFinished' as const,
    status: 'interrupted' as const,
    counts,
    durationMs: now - run.started_at,
    error,
  };
  db.prepare('INSERT INTO events (run_id, seq, type, item_id, body) VALUES (?, ?, ?, ?, ?)').run(
    ...EventsRepo.params(event),
  );
  repos.runs.setCounts(runId, counts, event.seq);
  return event;
}

import type { AppContext } from './context';

/**
 * One log line when a run starts and one when it ends (status, counts, duration), so a host's log
 * file tells what ran when beside what went wrong; the runs themselves are in the run database.
 * Returns the function that stops listening.
 */
export function logRunLines(ctx: Pick<AppContext, 'bus' | 'logger'>): () => void {
  const names = new Map<string, string>();
  return ctx.bus.on('runs.events', ({ runId, events }) => {
    for (const event of events) {
      if (event.type === 'runStarted') {
        names.set(runId, event.flowName);
        ctx.logger.info(`Run of "${event.flowName}" started`, {
          runId,
          trigger: event.trigger,
          ...(event.dryRun ? { dryRun: true } : {}),
          ...(event.parentRunId ? { retries: event.parentRunId } : {}),
        });
      } else if (event.type === 'runFinished') {
        const flow = names.get(runId);
        names.delete(runId);
        const fields = { runId, ...event.counts, durationMs: event.durationMs };
        const message = `Run${flow ? ` of "${flow}"` : ''} ${event.status}`;
        if (event.status === 'failed' || event.error)
          ctx.logger.warn(message, { ...fields, ...(event.error ? { error: event.error.message } : {}) });
        else ctx.logger.info(message, fields);
      }
    }
  });
}

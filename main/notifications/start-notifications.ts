import type { AppContext } from '../app/context';
import { attachNotifier } from './attach-notifier';

/**
 * The notifier of this process: hears committed run events on the bus, publishes notices on the
 * `notifications.show` stream (the desktop host shows them natively, the web page through the
 * browser). Returns the function that stops it.
 */
export function startRunNotifications(ctx: AppContext): () => void {
  const { store } = ctx.sync;
  return attachNotifier({
    settings: ctx.settings,
    logger: ctx.logger,
    onRunEvents: (listener) => ctx.bus.on('runs.events', listener),
    publish: (notice) => ctx.bus.emit('notifications.show', notice),
    runFacts: async (runId) => {
      const run = store.runs.get(runId);
      return run && { flowId: run.flowId, flowName: run.flowName, dryRun: run.dryRun, trigger: run.trigger };
    },
    previousStatus: async (flowId, runId) => {
      const current = store.runs.get(runId);
      const { runs } = store.runs.list({ flowId, limit: 5 });
      // The newest finished run that started before this one.
      return runs.find(
        (run) =>
          run.id !== runId && run.status !== 'running' && (!current || run.startedAt <= current.startedAt),
      )?.status;
    },
  });
}

import type { AppContext } from '../app/context';
import { attachNotifier, type NotifierWiring } from './attach-notifier';

/**
 * The notifier of this process: hears committed run events on the bus, publishes notices on the
 * `notifications.show` stream (the desktop host shows them natively, the web page through the
 * browser). Returns the function that stops it.
 */
export function startRunNotifications(ctx: AppContext): () => void {
  return attachNotifier({
    ...notifierStore(ctx),
    settings: ctx.settings,
    logger: ctx.logger,
    onRunEvents: (listener) => ctx.bus.on('runs.events', listener),
    publish: (notice) => ctx.bus.emit('notifications.show', notice),
  });
}

/** What a notifier reads of the run store: a run's facts, and the status of the flow's run before it. */
export function notifierStore(ctx: AppContext): Pick<NotifierWiring, 'runFacts' | 'previousStatus'> {
  const { store } = ctx.sync;
  return {
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
  };
}

import type { RunEventBatch } from '../../shared/flow/run-events';
import type { RunStatus } from '../../shared/flow/run-records';
import type { RunNotice } from '../../shared/notifications/run-notice';
import type { Logger } from '../app/logger';
import type { SettingsStore } from '../settings/settings-store';
import { RunNotifier, type NotifierClock, type RunFacts } from './run-notifier';

export interface NotifierWiring {
  settings: SettingsStore;
  logger: Logger;
  /** Subscribes to committed run event batches; returns the unsubscribe function. */
  onRunEvents(listener: (batch: RunEventBatch) => void): () => void;
  /** Where notices go (the `notifications.show` stream: the desktop host and the web page show them). */
  publish(notice: RunNotice): void;
  /** Run facts from the run store, for runs that started before the notifier listened. */
  runFacts?(runId: string): Promise<RunFacts | undefined>;
  previousStatus?(flowId: string, runId: string): Promise<RunStatus | undefined>;
  clock?: NotifierClock;
  /** Whether notices are wanted now; the desktop notices' setting unless given. */
  enabled?(): boolean;
}

/** Starts the notifier for this process; returns the function that stops it. */
export function attachNotifier(wiring: NotifierWiring): () => void {
  const notifier = new RunNotifier({
    clock: wiring.clock,
    enabled: wiring.enabled ?? (() => wiring.settings.get().notifications.enabled),
    deliver: (notice) => {
      wiring.logger.info('Notice', { kind: notice.kind, flowId: notice.flowId, runId: notice.runId });
      wiring.publish(notice);
    },
    runFacts: wiring.runFacts,
    previousStatus: wiring.previousStatus,
    onError: (error) =>
      wiring.logger.warn('The notifier could not handle a run event', {
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  const off = wiring.onRunEvents((batch) => void notifier.observe(batch));
  return () => {
    off();
    notifier.dispose();
  };
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetryFrom } from '../../../../shared/flow/run-records';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { liveRunsApi } from '../api/runs-api';
import { useRunLiveStore } from '../../stores/run-live-store';

export interface ActionMessage {
  tone: 'info' | 'error';
  text: string;
  /** The run an action started (a retry run), to link to. */
  runId?: string;
}

/** What an action came to, as kept: a failed call stays a failure, worded when shown. */
type ActionOutcome = ActionMessage | { tone: 'error'; failure: Failure };

/** Cancel and retry for a run, with a message saying what happened. */
export function useRunActions(runId: string) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);

  const attempt = async (work: () => Promise<ActionMessage | null>) => {
    setBusy(true);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ tone: 'error', failure: failureOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const message: ActionMessage | null =
    outcome && 'failure' in outcome ? { tone: 'error', text: failureWords(outcome.failure) } : outcome;

  return {
    busy,
    message,
    cancel: () =>
      attempt(async () => {
        const { cancelled, elsewhere } = await liveRunsApi().cancel({ runId });
        if (!cancelled) return { tone: 'error', text: t('runs.detail.cancelNotHere') };
        return elsewhere ? { tone: 'info', text: t('runs.detail.cancelAsked') } : null;
      }),
    /** Retries failed records (all of them by default) from the node each failed at. */
    retry: (target: { itemIds?: number[]; itemKey?: string; from?: RetryFrom }) =>
      attempt(async () => {
        const result = await liveRunsApi().retry({ runId, ...target });
        // The retry run's events will arrive; knowing it now links its records to this run.
        void useRunLiveStore.getState().load(result.runId);
        const count = target.itemIds?.length ?? useRunLiveStore.getState().runs[runId]?.counts.failed ?? 0;
        return { tone: 'info', text: t('runs.detail.retryStarted', { count }), runId: result.runId };
      }),
  };
}

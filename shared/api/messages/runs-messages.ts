import { wording, type Wording } from '../../flow/wording';

/** What calls about runs and records (main/services/runs-service.ts) answer when they fail, in English and Dutch. */
export const runsMessages = {
  /** The store's `FlowBusyError`, from what it says about the lock's holder. */
  flowAlreadyRunning: wording<{ flowId: string; runId: string; pid: number; host: string }>(
    ({ flowId, runId, pid, host }) =>
      `Flow ${flowId} is already running (run ${runId}, process ${pid} on ${host}); a flow never runs twice at once.`,
    ({ flowId, runId, pid, host }) =>
      `Flow ${flowId} draait al (run ${runId}, proces ${pid} op ${host}); een flow draait nooit twee keer tegelijk.`,
  ),
  runNotFound: wording<{ runId: string }>(
    ({ runId }) => `There is no run ${runId}.`,
    ({ runId }) => `Er is geen run ${runId}.`,
  ),
  runFlowGone: wording<{ runId: string }>(
    ({ runId }) => `The flow of run ${runId} is gone.`,
    ({ runId }) => `De flow van run ${runId} bestaat niet meer.`,
  ),
  runHasNoRecord: wording<{ runId: string; key: string }>(
    ({ runId, key }) => `Run ${runId} has no record ${key}.`,
    ({ runId, key }) => `Run ${runId} heeft geen record ${key}.`,
  ),
  /** `status`: the record's status as stored (`succeeded`, `skipped` …). */
  recordDidNotFail: wording<{ key: string; runId: string; status: string }>(
    ({ key, runId, status }) => `Record ${key} did not fail in run ${runId} (it is ${status}).`,
    ({ key, runId, status }) => `Record ${key} is niet mislukt in run ${runId} (status: ${status}).`,
  ),
  runNothingToRetry: wording<{ runId: string }>(
    ({ runId }) => `Run ${runId} has no failed records to retry.`,
    ({ runId }) => `Run ${runId} heeft geen mislukte records om opnieuw te proberen.`,
  ),
  recordNotFound: wording<{ itemId: number }>(
    ({ itemId }) => `There is no record ${itemId}.`,
    ({ itemId }) => `Er is geen record ${itemId}.`,
  ),
} satisfies Record<string, Wording<never>>;

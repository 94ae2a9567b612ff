import type { FlowDocument } from '../../../shared/flow/flow-document';
import type { RunEvent } from '../../../shared/flow/run-events';
import { api } from '../api/api';
import { recordGist, requestOperation } from './record-gist';
import { summariseRun, type RecordLine, type RunOutcome } from './run-outcome';

/** How often a running run is looked at; the wizard shows a spinner meanwhile. */
const POLL_MS = 400;
/** Records a dry run looks at: enough to see what would happen, quick on a real account. */
export const DRY_RUN_LIMIT = 50;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An example with what its stored record says (a record whose detail cannot be read stays as it is). */
async function withDetail(line: RecordLine): Promise<RecordLine> {
  try {
    const detail = await api().runs.item({ itemId: line.itemId });
    return {
      ...line,
      gist: recordGist(detail.mapped ?? detail.source),
      operation: requestOperation(detail.request),
      request: detail.request,
    };
  } catch {
    return line;
  }
}

/** Events read per page, and pages at most, when looking for a run's warnings. */
const EVENTS_PAGE = 5000;
const EVENT_PAGES = 4;

/** A finished run's warning lines, from its stored log (a first run on a real account may be long). */
async function warningsOf(runId: string): Promise<RunEvent[]> {
  const warnings: RunEvent[] = [];
  let afterSeq = 0;
  for (let page = 0; page < EVENT_PAGES; page++) {
    const { events } = await api().runs.events({ runId, afterSeq, limit: EVENTS_PAGE });
    warnings.push(...events.filter((event) => event.type === 'log' && event.level === 'warn'));
    const last = events.at(-1);
    if (!last || events.length < EVENTS_PAGE) break;
    afterSeq = last.seq;
  }
  return warnings;
}

/** Waits for a run to finish and sums up what it did. */
export async function outcomeOf(runId: string): Promise<RunOutcome> {
  for (;;) {
    const { run } = await api().runs.get({ runId });
    if (run.status !== 'running') {
      const { items } = await api().runs.items({ runId, limit: 1000 });
      const outcome = summariseRun(run, items, await warningsOf(runId));
      return { ...outcome, examples: await Promise.all(outcome.examples.map(withDetail)) };
    }
    await wait(POLL_MS);
  }
}

/** Everything but the writes, on a flow that is not saved yet. */
export async function startDryRun(flow: FlowDocument): Promise<string> {
  return (await api().runs.start({ flow, dryRun: true, limit: DRY_RUN_LIMIT })).runId;
}

/** Starts the first real run of a saved flow; its id, so the screen can follow it while it runs. */
export async function startRun(flowId: string): Promise<string> {
  return (await api().runs.start({ flowId })).runId;
}

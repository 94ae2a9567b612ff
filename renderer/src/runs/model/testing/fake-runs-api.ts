import type { FlowDocument } from '../../../../../shared/flow/flow-document';
import type { RunEvent } from '../../../../../shared/flow/run-events';
import type { RunSummary } from '../../../../../shared/flow/run-records';
import type { RunsApi } from '../../api/runs-api';

function notUsed(name: string): () => never {
  return () => {
    throw new Error(`runs.${name} is not used by this test`);
  };
}

/** An in-memory `runs.*` for store tests: stored events and summaries, and a log of calls. */
export class FakeRunsApi {
  readonly events = new Map<string, RunEvent[]>();
  readonly summaries = new Map<string, RunSummary>();
  readonly flows = new Map<string, FlowDocument>();
  /** A run's records failed now, by node (what `runs.get` reads from its items). */
  readonly failedNow = new Map<string, Record<string, number>>();
  /** Of those, what a cancel stopped (`runs.get`'s `stoppedByNode`). */
  readonly stoppedNow = new Map<string, Record<string, number>>();
  readonly calls: string[] = [];

  store(events: readonly RunEvent[]): void {
    for (const event of events) {
      const list = this.events.get(event.runId) ?? [];
      list.push(event);
      this.events.set(event.runId, list);
    }
  }

  api(): RunsApi {
    return {
      get: async ({ runId }) => {
        this.calls.push(`get ${runId}`);
        const run = this.summaries.get(runId);
        if (!run) throw new Error(`no run ${runId}`);
        const retries = [...this.summaries.values()]
          .filter((summary) => summary.parentRunId === runId)
          .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
          .map((summary) => summary.id);
        return {
          run,
          flow: this.flows.get(runId) ?? null,
          retries,
          failedByNode: this.failedNow.get(runId) ?? {},
          stoppedByNode: this.stoppedNow.get(runId) ?? {},
        };
      },
      list: async ({ flowId }) => {
        this.calls.push(`list ${flowId ?? ''}`);
        const runs = [...this.summaries.values()]
          .filter((run) => !flowId || run.flowId === flowId)
          .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
        return { runs, nextCursor: null };
      },
      events: async ({ runId, afterSeq = 0, limit = 1000 }) => {
        this.calls.push(`events ${runId} ${afterSeq}`);
        const all = this.events.get(runId) ?? [];
        const page = all.filter((event) => event.seq > afterSeq).slice(0, limit);
        return {
          events: page,
          lastSeq: all.at(-1)?.seq ?? 0,
          finished: all.some((event) => event.type === 'runFinished'),
        };
      },
      start: notUsed('start'),
      cancel: notUsed('cancel'),
      items: notUsed('items'),
      recordsCsv: notUsed('recordsCsv'),
      item: notUsed('item'),
      search: notUsed('search'),
      retry: notUsed('retry'),
      stats: notUsed('stats'),
      warnings: notUsed('warnings'),
      itemLog: notUsed('itemLog'),
      erase: notUsed('erase'),
      waiting: notUsed('waiting'),
      stopWaiting: notUsed('stopWaiting'),
    };
  }
}

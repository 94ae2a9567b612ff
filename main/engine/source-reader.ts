import type { FlowEdge } from '../../shared/flow/flow-document';
import { isJsonObject, type JsonValue } from '../../shared/flow/json';
import type { RunWriter } from '../store/run-writer';
import type { Store } from '../store/store';
import type { Clock } from './clock';
import { CursorTracker } from './cursor-tracker';
import { classifyError, isAbort } from './errors';
import type { FlowRecord, NodeContext, SourceExecutor } from './executor';
import type { ItemLauncher } from './item-launcher';
import type { RunScope, ScopeNode } from './run-scope';
import { messageFields, messageIn, runMessage } from '../../shared/flow/run-messages';
import { WaitingRecords } from './waiting-records';
import type { RunError } from '../../shared/flow/run-records';

export interface SourceReadDeps {
  flowId: string;
  edges: readonly FlowEdge[];
  dryRun: boolean;
  /** The run's `--limit`. */
  runLimit: number | null;
  store: Store;
  writer: RunWriter;
  clock: Clock;
  signal: AbortSignal;
  launcher: ItemLauncher;
  context: (entry: ScopeNode) => NodeContext<unknown>;
  /** The run cannot go on (the source failed). */
  stop: (error: RunError) => void;
}

/**
 * Reads one source page by page, starting each record once the window has room, and stores the
 * cursor as far as the records done in order allow (never past one that may be read again).
 */
export async function readSource(
  deps: SourceReadDeps,
  scope: RunScope,
  entry: ScopeNode,
  input: FlowRecord,
): Promise<void> {
  if (entry.module.executor.category !== 'source') return;
  const executor: SourceExecutor<unknown> = entry.module.executor;
  const nodeId = entry.node.id;
  const { launcher, writer } = deps;
  const amount = isJsonObject(entry.node.config) ? entry.node.config.amountPerRun : undefined;
  const limits = [deps.runLimit, typeof amount === 'number' ? amount : null].filter(
    (value): value is number => value !== null,
  );
  const limit = limits.length > 0 ? Math.min(...limits) : null;
  const cursor = deps.store.exactlyOnce.cursor(deps.flowId, nodeId);
  const tracker = new CursorTracker();
  const saveCursor = (moved: JsonValue | undefined) => {
    // The writer stores the last value of each batch and reports it with a `cursorSaved` event.
    if (moved !== undefined && !deps.dryRun) writer.putCursor(deps.flowId, nodeId, moved, deps.clock.now());
  };
  const targets = deps.edges.filter((edge) => edge.source === nodeId && edge.sourcePort === 'out');
  const counters = scope.counters(nodeId);
  const waiting = new WaitingRecords(deps, nodeId);
  let read = 0;
  /** The source sent everything it had (no limit reached, not cancelled). */
  let exhausted = false;
  const iterator = executor.read({ ...deps.context(entry), cursor, limit, input })[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (deps.signal.aborted || (limit !== null && read >= limit)) break;
      const page = await iterator.next();
      if (page.done) {
        exhausted = true;
        break;
      }
      let complete = true;
      for (const record of page.value.records) {
        if (limit !== null && read >= limit) {
          complete = false;
          break;
        }
        await launcher.acquire();
        if (deps.signal.aborted) {
          launcher.release();
          complete = false;
          break;
        }
        read++;
        counters.received++;
        counters.passed++;
        const position = tracker.add(record.checkpoint);
        const businessKeys = record.businessKeys ?? {};
        const item = launcher.newItem(record.key, nodeId, record.data, businessKeys, null);
        waiting.read(item.record.key);
        const flowRecord: FlowRecord = { data: record.data, createOnly: [] };
        const start = targets.map((edge) => ({ nodeId: edge.target, record: flowRecord }));
        await launcher.launch(
          scope,
          item,
          start,
          (end) => {
            waiting.settle(item.record, record.key, businessKeys);
            saveCursor(tracker.finish(position, end.passable));
          },
          true,
        );
      }
      if (!complete) break;
      saveCursor(tracker.mark(page.value.checkpoint));
    }
    // Only after the whole source: a newer version of a waiting record may come from it.
    if (exhausted && !deps.signal.aborted)
      await waiting.offerAgain(scope, entry.node.label ?? entry.module.definition.label.en, targets);
  } catch (error) {
    if (!isAbort(error, deps.signal)) {
      const stepError = classifyError(error, deps.clock.now());
      deps.stop({
        code: stepError.unreachable ? 'connection_failed' : 'source_failed',
        ...messageFields(
          runMessage('sourceReadFailed', {
            node: entry.node.label ?? entry.module.definition.label.en,
            detail: stepError.message,
            detailNl: stepError.text ? messageIn(stepError.toInfo(), 'nl') : undefined,
          }),
        ),
      });
    }
  } finally {
    await launcher.drain();
    // Stops a generator we left early (limit, cancel), so it can release its resources.
    await iterator.return?.(undefined).catch(() => undefined);
  }
}

import type { FlowEdge } from '../../shared/flow/flow-document';
import type { JsonValue } from '../../shared/flow/json';
import { distinctReasons, englishReasons, skipReason, type SkipReason } from '../../shared/flow/skip-reasons';
import { englishMessage, runMessage } from '../../shared/flow/run-messages';
import { STOPPED_BY_CANCEL } from '../../shared/flow/run-records';
import type { ItemRecord } from '../store/items-repo';
import { classifyError, isAbort, permanentError, type StepError } from './errors';
import type { FlowRecord, ItemInfo, TransformInstance, TransformOutput, TransformResult } from './executor';
import { RetriesExhausted, withRetry } from './retry';
import { edgeKey, scopeRetryOptions, type RunScope } from './run-scope';
import { runTargetStep, settleBypassedIntent } from './target-step';

/** How an item ended, for the cursor and the run's circuit breaker. */
export interface ItemEnd {
  /** The cursor may move past it (done for good: succeeded, skipped, or failed on its data). */
  passable: boolean;
  /** It failed because a system could not be reached. */
  unreachable: boolean;
}

interface Step {
  nodeId: string;
  record: FlowRecord;
}

/** The record as stored for retries: the data and its create-only list. */
export function storedRecord(record: FlowRecord): JsonValue {
  return { data: record.data, createOnly: [...record.createOnly] };
}

/**
 * Takes one record through the flow from `start`, depth first: transforms emit to their ports,
 * edges fan out, targets write exactly once. The first failure stops the item; it ends failed at
 * that node with the record as it entered it (so a retry can start there). Otherwise it succeeds
 * when some target wrote (or would write, in a dry run) and is skipped, with the reasons, when none did.
 */
export async function runItem(
  scope: RunScope,
  item: ItemRecord,
  info: ItemInfo,
  start: readonly Step[],
): Promise<ItemEnd> {
  const stack: Step[] = [];
  for (let index = start.length - 1; index >= 0; index--) stack.push(start[index] as Step);
  // Each step counts its attempts from here (a retry run continues the first run's count).
  const attemptsBefore = item.attempts;
  const skipReasons: SkipReason[] = [];
  // Where the record was last held back: a skipped record is shown at that node, not at its source.
  let skippedAt: string | undefined;
  let wrote:
    | { nodeId: string; action: NonNullable<ItemRecord['action']>; targetIds: Record<string, string> | null }
    | undefined;
  // Only while the flow has open intents (after a crash): the targets this record reached, and the
  // record as it last was, for the targets it did not reach.
  const reached = scope.openIntents.size > 0 ? new Set<string>() : undefined;
  let lastRecord: FlowRecord | undefined;

  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { nodeId, record } = step;
    if (reached) {
      reached.add(nodeId);
      lastRecord = record;
    }
    const counters = scope.counters(nodeId);
    counters.received++;
    try {
      if (scope.signal.aborted) throw scope.signal.reason;
      const entry = scope.nodes.get(nodeId);
      const category = entry?.module.definition.category;
      const transform = category === 'transform' ? scope.transforms.get(nodeId) : undefined;
      const target = category === 'target' ? scope.targets.get(nodeId) : undefined;
      if (transform) {
        const ran = runTransform(scope, nodeId, transform, record, item, info, attemptsBefore);
        const result = 'then' in ran ? await ran : ran;
        if (result.kind === 'skip') {
          counters.skipped++;
          skipReasons.push(result.reason);
          skippedAt = nodeId;
          continue;
        }
        counters.passed++;
        let forwarded = false;
        // Pushed in reverse so the first output's path runs first.
        for (let index = result.outputs.length - 1; index >= 0; index--) {
          const output = result.outputs[index] as TransformOutput;
          const edges = scope.edgesFrom.get(edgeKey(nodeId, output.port)) ?? [];
          for (let edge = edges.length - 1; edge >= 0; edge--) {
            stack.push({ nodeId: (edges[edge] as FlowEdge).target, record: output.record });
            forwarded = true;
          }
        }
        if (!forwarded && result.outputs.length > 0) {
          skippedAt = nodeId;
          skipReasons.push(
            skipReason('portLeadsNowhere', {
              node: entry?.node.label ?? entry?.module.definition.label.en ?? nodeId,
              port: result.outputs[0]?.port ?? '',
            }),
          );
        }
        if (result.outputs.length === 0) {
          skippedAt = nodeId;
          skipReasons.push(skipReason('transformEmittedNothing'));
        }
      } else if (target) {
        const outcome = await runTargetStep(scope, nodeId, target, record, item, info, {
          attemptsBefore,
          // A method, not an arrow: tsx names every arrow in a literal with a defineProperty call.
          onRetry(attempt, delayMs, error) {
            item.attempts = attempt;
            retrying(scope, item, nodeId, attempt, delayMs, error);
          },
        });
        item.mapped = record.data;
        if (outcome.kind === 'skipped') {
          counters.skipped++;
          skipReasons.push(outcome.reason);
          skippedAt = nodeId;
          if (outcome.request !== undefined) item.request = outcome.request;
          continue;
        }
        counters.passed++;
        item.request = outcome.request;
        item.response = outcome.response;
        wrote = {
          nodeId,
          action: outcome.action,
          targetIds: outcome.targetIds ? { ...outcome.targetIds } : null,
        };
        if (outcome.output) {
          for (const edge of scope.edgesFrom.get(edgeKey(nodeId, 'out')) ?? []) {
            stack.push({ nodeId: edge.target, record: { data: outcome.output, createOnly: [] } });
          }
        }
      } else {
        throw permanentError(
          runMessage('misplacedNode', { node: nodeId, kind: entry?.node.kind ?? 'unknown' }),
          {
            code: 'misplaced_node',
          },
        );
      }
    } catch (thrown) {
      counters.failed++;
      return fail(scope, item, nodeId, record, thrown);
    }
  }

  if (reached && lastRecord) await settleBypassedIntents(scope, item, info, reached, lastRecord);

  const now = scope.clock.now();
  item.finishedAt = now;
  if (wrote) {
    item.status = 'succeeded';
    item.nodeId = wrote.nodeId;
    item.action = wrote.action;
    item.targetIds = wrote.targetIds;
    scope.counts.succeeded++;
    scope.writer.event({
      type: 'itemSucceeded',
      itemId: item.id,
      key: item.key,
      nodeId: wrote.nodeId,
      action: wrote.action,
      targetIds: wrote.targetIds,
    });
  } else {
    item.status = 'skipped';
    item.nodeId = skippedAt ?? item.nodeId;
    if (skipReasons.length === 0) skipReasons.push(skipReason('nothingToDo'));
    item.reasons = distinctReasons(skipReasons);
    item.reason = englishReasons(item.reasons);
    scope.counts.skipped++;
    scope.writer.event({
      type: 'itemSkipped',
      itemId: item.id,
      key: item.key,
      nodeId: item.nodeId,
      reason: item.reason,
      reasons: item.reasons,
    });
  }
  if (item.attempts > 1 || item.retryOf !== null) {
    scope.writer.attempt({
      rootId: item.rootId,
      itemId: item.id,
      runId: scope.runId,
      attempt: Math.max(1, item.attempts),
      nodeId: item.nodeId,
      status: item.status,
      error: null,
      startedAt: item.startedAt,
      finishedAt: now,
    });
  }
  item.attempts = Math.max(1, item.attempts);
  scope.writer.saveItem(item);
  return { passable: true, unreachable: false };
}

/** Resolves the open intents of the record's key at targets it did not reach in this run. */
async function settleBypassedIntents(
  scope: RunScope,
  item: ItemRecord,
  info: ItemInfo,
  reached: ReadonlySet<string>,
  record: FlowRecord,
): Promise<void> {
  for (const [nodeId, keys] of scope.openIntents) {
    const target = scope.targets.get(nodeId);
    if (!target || reached.has(nodeId) || !keys.has(item.key)) continue;
    await settleBypassedIntent(scope, nodeId, target, record, item, info);
  }
}

/**
 * One record through one transform. Most transforms share no connection and never fail, so the
 * first attempt is a plain call; only a failure (or a connection's limiter) goes through the retry
 * policy, which then sees that first failure as attempt 1.
 */
function runTransform(
  scope: RunScope,
  nodeId: string,
  transform: TransformInstance,
  record: FlowRecord,
  item: ItemRecord,
  info: ItemInfo,
  attemptsBefore: number,
): TransformResult | Promise<TransformResult> {
  if (scope.limiter(nodeId))
    return retryTransform(scope, nodeId, transform, record, item, info, attemptsBefore);
  // No promise for a synchronous transform (most are): two per record were measurable.
  let output: TransformResult | Promise<TransformResult>;
  try {
    output = transform.process(record, info);
  } catch (error) {
    return retryTransform(scope, nodeId, transform, record, item, info, attemptsBefore, { error });
  }
  if ('then' in output) {
    return output.then(
      (result) => {
        item.attempts = attemptsBefore + 1;
        return result;
      },
      (error: unknown) =>
        retryTransform(scope, nodeId, transform, record, item, info, attemptsBefore, { error }),
    );
  }
  item.attempts = attemptsBefore + 1;
  return output;
}

/** The transform under the retry policy; a first failure already seen counts as its attempt 1. */
async function retryTransform(
  scope: RunScope,
  nodeId: string,
  transform: TransformInstance,
  record: FlowRecord,
  item: ItemRecord,
  info: ItemInfo,
  attemptsBefore: number,
  firstFailure?: { error: unknown },
): Promise<TransformResult> {
  const limiter = scope.limiter(nodeId);
  const process = () => Promise.resolve(transform.process(record, info));
  const { value, attempt } = await withRetry(() => (limiter ? limiter.use(process) : process()), {
    ...scopeRetryOptions(scope),
    attemptsBefore,
    firstFailure,
    onRetry: (attempt, delayMs, error) => {
      item.attempts = attempt;
      retrying(scope, item, nodeId, attempt, delayMs, error);
    },
  });
  item.attempts = attempt;
  return value;
}

function retrying(
  scope: RunScope,
  item: ItemRecord,
  nodeId: string,
  attempt: number,
  delayMs: number,
  error: StepError,
): void {
  const info = error.toInfo(nodeId);
  const now = scope.clock.now();
  scope.writer.attempt({
    rootId: item.rootId,
    itemId: item.id,
    runId: scope.runId,
    attempt,
    nodeId,
    status: 'failed',
    error: info,
    startedAt: now,
    finishedAt: now,
  });
  scope.writer.event({
    type: 'itemRetrying',
    itemId: item.id,
    key: item.key,
    nodeId,
    attempt: attempt + 1,
    delayMs,
    error: info,
  });
}

function fail(
  scope: RunScope,
  item: ItemRecord,
  nodeId: string,
  record: FlowRecord,
  thrown: unknown,
): ItemEnd {
  const now = scope.clock.now();
  const cancelled = isAbort(thrown, scope.signal);
  const error: StepError = cancelled
    ? permanentError(runMessage('cancelledBeforeDone'), { code: STOPPED_BY_CANCEL })
    : thrown instanceof RetriesExhausted
      ? thrown.error
      : classifyError(thrown, now);
  const attempts = thrown instanceof RetriesExhausted ? thrown.attempts : Math.max(1, item.attempts);
  const info = error.toInfo(nodeId);
  if (thrown instanceof RetriesExhausted && thrown.note && error.transient) {
    info.message = `${info.message} (${englishMessage(thrown.note)})`;
    info.retryNote = thrown.note;
  }
  item.status = 'failed';
  item.nodeId = nodeId;
  item.error = info;
  item.reason = cancelled ? 'cancelled' : info.message;
  item.reasons = null;
  item.attempts = attempts;
  item.input = storedRecord(record);
  item.finishedAt = now;
  scope.counts.failed++;
  scope.writer.attempt({
    rootId: item.rootId,
    itemId: item.id,
    runId: scope.runId,
    attempt: attempts,
    nodeId,
    status: 'failed',
    error: info,
    startedAt: item.startedAt,
    finishedAt: now,
  });
  scope.writer.event({
    type: 'itemFailed',
    itemId: item.id,
    key: item.key,
    nodeId,
    attempt: attempts,
    error: info,
  });
  scope.writer.saveItem(item);
  // Transient failures and cancellations are read again by the next run; bad data is not.
  return { passable: !cancelled && !error.transient, unreachable: error.unreachable };
}

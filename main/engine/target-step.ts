import type { JsonObject, JsonValue } from '../../shared/flow/json';
import { messageFields, runMessage } from '../../shared/flow/run-messages';
import { skipReason, type SkipReason } from '../../shared/flow/skip-reasons';
import type { Intent } from '../store/exactly-once-repo';
import type { ItemRecord } from '../store/items-repo';
import { classifyError, permanentError, type StepError } from './errors';
import {
  updatePayload,
  type FlowRecord,
  type ItemInfo,
  type TargetIds,
  type TargetInstance,
  type TargetWrite,
  type WriteResult,
} from './executor';
import { idempotencyKey, payloadHash } from './hash';
import { RetriesExhausted, withRetry } from './retry';
import { scopeRetryOptions, type RunScope } from './run-scope';
import type { Semaphore } from './semaphore';

export type TargetOutcome =
  | {
      kind: 'written';
      action: 'created' | 'updated' | 'recovered' | 'wouldCreate' | 'wouldUpdate';
      targetIds: TargetIds | null;
      request: JsonValue;
      response: JsonValue | null;
      output?: JsonObject;
    }
  | { kind: 'skipped'; reason: SkipReason; request?: JsonValue };

export interface TargetStepHooks {
  /** Attempts made at this record before this run (a retry run continues the count). */
  attemptsBefore: number;
  onRetry(attempt: number, delayMs: number, error: StepError): void;
}

/** One object for the most common reason: a run of unchanged records allocates none. */
const UNCHANGED = skipReason('unchanged');

/**
 * One record at one target, exactly once:
 * - an open intent (a crash or an ambiguous failure left the outcome unknown) is resolved first:
 *   `findExisting(reference)`, or re-sending the stored request with the same idempotency key;
 * - an unchanged payload (same hash as the ledger) is skipped "unchanged";
 * - otherwise the intent is committed together with the item's state, then the request is sent
 *   (transient failures retried; before retrying an ambiguous failure of a reference target, the
 *   record is looked up), and the ledger and item are updated in the next batch.
 * Throws {@link RetriesExhausted} when the write failed.
 */
export async function runTargetStep(
  scope: RunScope,
  nodeId: string,
  instance: TargetInstance,
  record: FlowRecord,
  item: ItemRecord,
  info: ItemInfo,
  hooks: TargetStepHooks,
): Promise<TargetOutcome> {
  const { flow, store, writer } = scope;
  const ledgerKey = `${nodeId}\n${item.key}`;
  // A record seen twice in one run: its first write must be committed before the ledger is read.
  if (writer.hasUncommitted(flow.id, nodeId, item.key)) await writer.commit();
  const limiter = scope.limiter(nodeId);
  const hash = payloadHash(record.data, record.createOnly);
  // On a first sync only keys this run already wrote can be in the ledger or have an intent.
  const skipLookups = scope.freshTargets.has(nodeId) && !scope.writtenKeys.mightContain(ledgerKey);
  const ledger = skipLookups ? undefined : store.exactlyOnce.ledger(flow.id, nodeId, item.key);
  const intent =
    scope.dryRun || skipLookups ? undefined : store.exactlyOnce.intent(flow.id, nodeId, item.key);
  const reference =
    intent?.reference ?? instance.reference?.({ record, item: info }) ?? `koppel:${flow.id}:${item.key}`;
  let existing: TargetIds | null = ledger?.targetIds ?? null;

  if (intent) {
    const found = await resolveIntent(scope, instance, intent, record, info, limiter);
    if (found) {
      settle(scope, nodeId, item.key, found, intent.payloadHash);
      // A write in steps may have stopped half-way: it is finished below, as an update.
      if (intent.payloadHash === hash && !instance.writesInSteps) {
        return {
          kind: 'written',
          action: 'recovered',
          targetIds: found,
          request: intent.request,
          response: null,
        };
      }
      existing = found;
    } else {
      writer.clearIntent(flow.id, nodeId, item.key);
    }
  } else if (ledger && ledger.payloadHash === hash) {
    return { kind: 'skipped', reason: UNCHANGED };
  }

  if (!existing && instance.lookupBeforeCreate && instance.findExisting && !intent) {
    const find = instance.findExisting.bind(instance);
    existing = (
      await withRetry(
        () => limited(limiter, () => find({ reference, record, item: info })),
        scopeRetryOptions(scope),
      )
    ).value;
  }

  const mode = existing ? 'update' : 'create';
  // `existing` changes when a write in steps is found half-done after an ambiguous failure.
  const write: { -readonly [K in keyof TargetWrite]: TargetWrite[K] } = {
    record,
    payload: mode === 'update' ? updatePayload(record) : record.data,
    item: info,
    mode,
    existing,
    idempotencyKey: idempotencyKey(
      flow.id,
      nodeId,
      item.key,
      mode === 'create' ? 'create' : `update:${hash}`,
    ),
    reference,
  };
  const prepared = await instance.prepare(write);
  if (prepared.action === 'skip') {
    return {
      kind: 'skipped',
      reason: prepared.skipReason ?? skipReason('nothingToWrite'),
      request: prepared.request,
    };
  }
  if (scope.dryRun) {
    writer.event({
      type: 'wouldWrite',
      itemId: item.id,
      key: item.key,
      nodeId,
      action: mode,
      request: prepared.request,
    });
    return {
      kind: 'written',
      action: mode === 'create' ? 'wouldCreate' : 'wouldUpdate',
      targetIds: existing,
      request: prepared.request,
      response: null,
    };
  }

  // The intent and the item's state commit together before anything is sent.
  item.status = 'running';
  item.nodeId = nodeId;
  item.mapped = record.data;
  item.request = prepared.request;
  writer.saveItem(item);
  scope.writtenKeys.add(ledgerKey);
  writer.putIntent({
    flowId: flow.id,
    nodeId,
    sourceKey: item.key,
    runId: scope.runId,
    itemId: item.id,
    mode,
    idempotencyKey: write.idempotencyKey,
    reference,
    payloadHash: hash,
    request: prepared.request,
    existing: existing ? { ...existing } : null,
    createdAt: scope.clock.now(),
  });
  await writer.commit();

  let result: WriteResult;
  let sent = false;
  let firstFailure: { error: unknown } | undefined;
  try {
    let first: WriteResult | undefined;
    // Most writes succeed at once: the first attempt is a plain call, and only a failure goes
    // through the retry policy (as its attempt 1), which costs a few promises per record.
    if (limiter && !limiter.tryAcquire()) await limiter.acquire();
    try {
      // Cancelled before sending or while waiting for the connection: nothing is sent.
      if (scope.signal.aborted) throw scope.signal.reason;
      sent = true;
      forgetNotFound(info);
      first = await instance.send(prepared, write);
      item.attempts = hooks.attemptsBefore + 1;
    } catch (error) {
      firstFailure = { error };
    } finally {
      limiter?.release();
    }
    if (first) result = first;
    else {
      const send = instance.send.bind(instance);
      const find = instance.findExisting?.bind(instance);
      result = await withRetry<WriteResult>(
        () =>
          limited(limiter, () => {
            // Cancelled while waiting for the connection: nothing is sent.
            if (scope.signal.aborted) throw scope.signal.reason;
            sent = true;
            forgetNotFound(info);
            return send(prepared, write);
          }),
        {
          ...scopeRetryOptions(scope),
          attemptsBefore: hooks.attemptsBefore,
          firstFailure,
          onRetry: (attempt, delayMs, error) => {
            item.attempts = attempt;
            hooks.onRetry(attempt, delayMs, error);
          },
          // The failed attempt may have been written after all: look before writing again. (A key
          // target re-sends the same key instead, which the API answers with the first result.) A
          // write in steps may have made its first steps even when its last one failed for certain.
          beforeAttempt: async (lastError) => {
            if (!(lastError.ambiguous || instance.writesInSteps) || instance.idempotency === 'key' || !find)
              return undefined;
            const found = await limited(limiter, () => find({ reference, record, item: info }));
            if (found && instance.writesInSteps) {
              // Perhaps half-written: the next attempt finishes what is there.
              write.existing = found;
              return undefined;
            }
            return found ? { done: true, value: { targetIds: found } } : undefined;
          },
        },
      ).then(({ value, attempt }) => {
        item.attempts = attempt;
        return value;
      });
    }
  } catch (error) {
    // A definite failure (or a cancel before sending) wrote nothing; an ambiguous one keeps its
    // intent for the next run to check.
    if ((error instanceof RetriesExhausted && !error.error.ambiguous) || (!sent && scope.signal.aborted)) {
      writer.clearIntent(flow.id, nodeId, item.key);
    }
    throw error;
  }
  settle(scope, nodeId, item.key, result.targetIds, hash);
  return {
    kind: 'written',
    action: mode === 'create' ? 'created' : 'updated',
    targetIds: result.targetIds,
    request: prepared.request,
    response: result.response ?? null,
    ...(result.output ? { output: result.output } : {}),
  };
}

/**
 * An open intent at a target this record did not reach this time (a step before it skipped the
 * record, e.g. "already in Teamleader" after a crash between the write and its ledger entry). A
 * target with `findExisting` looks the reference up: found, the ledger takes the ids; not found,
 * nothing was written. Either way the intent goes. A key target keeps it (only re-sending, when
 * the record reaches it again, can tell), as does a look-up that fails: this is housekeeping, the
 * record's outcome stands.
 */
export async function settleBypassedIntent(
  scope: RunScope,
  nodeId: string,
  instance: TargetInstance,
  record: FlowRecord,
  item: ItemRecord,
  info: ItemInfo,
): Promise<void> {
  const { flow, store, writer } = scope;
  scope.openIntents.get(nodeId)?.delete(item.key);
  // Without findExisting only re-sending could tell, which a skipped record must not do.
  if (!instance.findExisting) return;
  if (writer.hasUncommitted(flow.id, nodeId, item.key)) await writer.commit();
  const intent = store.exactlyOnce.intent(flow.id, nodeId, item.key);
  if (!intent) return;
  let found: TargetIds | null;
  try {
    found = await resolveIntent(scope, instance, intent, record, info, scope.limiter(nodeId));
  } catch (error) {
    writer.event({
      type: 'log',
      level: 'warn',
      nodeId,
      key: item.key,
      ...messageFields(
        runMessage('interruptedCheckFailed', { key: item.key, detail: classifyError(error).message }),
      ),
    });
    return;
  }
  if (found) settle(scope, nodeId, item.key, found, intent.payloadHash);
  else writer.clearIntent(flow.id, nodeId, item.key);
  writer.event({
    type: 'log',
    level: 'info',
    nodeId,
    key: item.key,
    ...messageFields(
      found
        ? runMessage('interruptedWriteHappened', { key: item.key, ids: Object.values(found).join(', ') })
        : runMessage('interruptedWriteMissed', { key: item.key }),
    ),
  });
}

/** Finds out whether an intent's write happened: look it up, or re-send with the same key. */
async function resolveIntent(
  scope: RunScope,
  instance: TargetInstance,
  intent: Intent,
  record: FlowRecord,
  info: ItemInfo,
  limiter: Semaphore | undefined,
): Promise<TargetIds | null> {
  const find = instance.findExisting?.bind(instance);
  if (find) {
    return (
      await withRetry(
        () => limited(limiter, () => find({ reference: intent.reference, record, item: info })),
        scopeRetryOptions(scope),
      )
    ).value;
  }
  if (instance.idempotency !== 'key') {
    throw permanentError(runMessage('cannotRecover', { node: intent.nodeId }), { code: 'cannot_recover' });
  }
  const send = instance.send.bind(instance);
  const replay: TargetWrite = {
    record,
    payload: record.data,
    item: info,
    mode: intent.mode,
    existing: intent.existing,
    idempotencyKey: intent.idempotencyKey,
    reference: intent.reference,
  };
  const { value } = await withRetry(
    () =>
      limited(limiter, () => {
        forgetNotFound(info);
        return send({ request: intent.request }, replay);
      }),
    scopeRetryOptions(scope),
  );
  return value.targetIds;
}

/**
 * Before anything is sent for the record: the target may hold it from now on, so look-ups that
 * found nothing earlier ({@link ItemInfo.notFound}) no longer tell.
 */
function forgetNotFound(info: ItemInfo): void {
  info.notFound = undefined;
}

// Module functions rather than closures made per record: those were measurable (tsx also names
// each one with a defineProperty call).
function limited<T>(limiter: Semaphore | undefined, work: () => Promise<T>): Promise<T> {
  return limiter ? limiter.use(work) : work();
}

/** The write is done: the ledger records it and the intent goes, in the next batch. */
function settle(
  scope: RunScope,
  nodeId: string,
  sourceKey: string,
  targetIds: TargetIds,
  hashWritten: string,
): void {
  const { flow, writer } = scope;
  writer.putLedger({
    flowId: flow.id,
    nodeId,
    sourceKey,
    targetIds: { ...targetIds },
    payloadHash: hashWritten,
    at: scope.clock.now(),
  });
  writer.clearIntent(flow.id, nodeId, sourceKey);
  scope.writtenKeys.add(`${nodeId}\n${sourceKey}`);
}

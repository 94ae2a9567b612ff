import type { z } from 'zod';
import type { FlowNode } from '../../shared/flow/flow-document';
import type { JsonObject, JsonValue } from '../../shared/flow/json';
import { deletePath } from '../../shared/flow/record-path';
import type { RunMessage } from '../../shared/flow/run-messages';
import type { BusinessKeys, ItemKeyParts } from '../../shared/flow/run-records';
import type { SkipReason } from '../../shared/flow/skip-reasons';
import type { TriggerRecord } from '../../shared/nodes/record-types';
import type { AnyNodeDefinition, NodeDefinition } from '../../shared/nodes/node-definition';
import type { WrittenRecord } from '../store/items-repo';
import type { Clock } from './clock';
import type { ClientKind, ConnectionClients } from './connections';
import type { MakingWork } from './making-lock';
import type { RunSharedKey } from './run-shared';

/** A record moving through a flow. */
export interface FlowRecord {
  readonly data: JsonObject;
  /**
   * Target fields written only when the target record is created (the field mapper's "on create
   * only" switch); the engine leaves them out of the payload of an update.
   */
  readonly createOnly: readonly string[];
}

/** What executors know about the record being processed. */
export interface ItemInfo {
  readonly itemId: number;
  /** `system:entity:id`. */
  readonly key: string;
  readonly keyParts: ItemKeyParts;
  readonly businessKeys: BusinessKeys;
  /** The record as the source delivered it (null for trigger-only flows). */
  readonly source: JsonObject | null;
  /**
   * Look-ups in a target system that found nothing, made for this record in this run (see
   * {@link lookUpOnce}); the engine forgets them before anything is sent for the record.
   */
  notFound?: Set<string>;
}

/**
 * Looks `what` up for this record once: a look-up that found nothing is noted on the record
 * (`item`), and the same question asked again by a later node of the record (e.g. a target's
 * `findExisting` before a create, after a "skip if it exists" step) answers null without calling
 * `look`, until the engine sends something for the record. Name `what` by system, entity and
 * reference. Without `item` it simply looks.
 */
export async function lookUpOnce<T>(
  item: ItemInfo | undefined,
  what: string,
  look: () => Promise<T | null>,
): Promise<T | null> {
  if (item?.notFound?.has(what)) return null;
  const found = await look();
  if (found === null && item) (item.notFound ??= new Set()).add(what);
  return found;
}

/** Run output of a node: stored as `log` events, shown in the live log. */
/** A node's lines in the run's log: English text, or a code from the message catalogue (worded in the UI's language). */
export interface RunLog {
  debug(message: string | RunMessage, key?: string): void;
  info(message: string | RunMessage, key?: string): void;
  warn(message: string | RunMessage, key?: string): void;
  error(message: string | RunMessage, key?: string): void;
}

/** What every executor gets, once per run and node. */
export interface NodeContext<Config> {
  readonly runId: string;
  readonly flowId: string;
  readonly flowName: string;
  readonly node: FlowNode;
  /** The node's config, parsed with its definition's schema (defaults applied). */
  readonly config: Config;
  /** Everything but the writes: targets are only asked to `prepare`, never to `send`. */
  readonly dryRun: boolean;
  /** Aborts when the run is cancelled; pass it to every request. */
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly log: RunLog;
  /** The client of this node's connection (`config.connectionId`, or the default of the kind). */
  connection<K extends ClientKind>(kind: K): Promise<ConnectionClients[K]>;
  /**
   * Runs `work` under the flow's retry policy (transient errors retried with backoff, Retry-After
   * honoured). Sources wrap each page request in it: the engine cannot retry a generator that threw.
   */
  retry<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` (look a record up by a natural key, make it when it is missing) while no other run,
   * of this process or another on the same data folder, does so for `key` (see `makingKey`) in the
   * account of `client`; `madeMeanwhile` is the id another run made under the key since this run
   * started, which this one uses instead of making its own (see making-lock.ts).
   */
  whileMaking<T>(client: object, key: string, work: MakingWork<T>): Promise<T>;
  /**
   * What Koppel's runs (every flow on this data folder; not dry runs) wrote from the source record
   * `key`, newest first, while the run history keeps it (30 days by default). A node tells a record
   * Koppel itself wrote, read back from the system it wrote to, from one made there by others
   * without asking a system; an empty answer says nothing (another install, an old record), so
   * the node asks the system then.
   */
  writtenFrom(key: ItemKeyParts): readonly WrittenRecord[];
  /**
   * The run's one `key` value for `owner` (e.g. the Teamleader reference lists of a client), made by
   * the first node of the run that asks: nodes on one connection share what they read of it.
   */
  perRun<Owner extends object, T>(key: RunSharedKey<Owner, T>, owner: Owner): T;
}

/** What every executor may add. */
export interface ExecutorWarmUp {
  /**
   * Once per process, before the kind's first run (the app calls it at start-up): slow one-time
   * work such as loading a wasm module, so the first run does not pay for it.
   */
  warmUp?(): Promise<void>;
}

// ---------------------------------------------------------------- triggers

export interface TriggerExecutor<Config> extends ExecutorWarmUp {
  readonly category: 'trigger';
  /** The record the run starts with (usually the trigger record itself). */
  fire(ctx: NodeContext<Config>, trigger: TriggerRecord): JsonObject | Promise<JsonObject>;
}

// ---------------------------------------------------------------- sources

/** One record read by a source. */
export interface SourceRecord {
  /** Stable identity: the same record always has the same key (e.g. mplus / order / 1042). */
  readonly key: ItemKeyParts;
  readonly data: JsonObject;
  readonly businessKeys?: BusinessKeys;
  /**
   * The cursor to store once this record and every record before it are done (e.g. its
   * syncMarker, or its `updated_at` for updated_since). Records must arrive in cursor order.
   */
  readonly checkpoint?: JsonValue;
}

export interface SourcePage {
  readonly records: readonly SourceRecord[];
  /** The cursor after the whole page (e.g. the page's last syncMarker); also valid for an empty page. */
  readonly checkpoint?: JsonValue;
}

export interface SourceContext<Config> extends NodeContext<Config> {
  /** The cursor stored by the last run (null on a first run: apply `startFrom`). */
  readonly cursor: JsonValue | null;
  /**
   * At most this many records this run (the smaller of `config.amountPerRun` and the run's
   * `--limit`), or null. The engine stops pulling after it; a source may size its pages by it.
   */
  readonly limit: number | null;
  /** The record that started the read (the trigger record). */
  readonly input: FlowRecord;
}

/**
 * Reads records page by page. The engine pulls the next page only when it has room (backpressure),
 * so a run never holds the whole set. The cursor only advances past records that are done
 * (succeeded, skipped or failed and stored); a crashed or cancelled run re-reads the rest.
 */
export interface SourceExecutor<Config> extends ExecutorWarmUp {
  readonly category: 'source';
  read(ctx: SourceContext<Config>): AsyncIterable<SourcePage>;
}

// ---------------------------------------------------------------- transforms

export interface TransformOutput {
  /** Output port id (`out`, or `true`/`false` for the branch node). */
  readonly port: string;
  readonly record: FlowRecord;
}

export type TransformResult =
  | { readonly kind: 'emit'; readonly outputs: readonly TransformOutput[] }
  | { readonly kind: 'skip'; readonly reason: SkipReason };

/** A transform set up for one run. Throw a StepError (permanentError/transientError) to fail the record. */
export interface TransformInstance {
  process(record: FlowRecord, item: ItemInfo): TransformResult | Promise<TransformResult>;
  close?(): void | Promise<void>;
}

/**
 * Transforms are opened once per run (compile code, load reference data), then called per record.
 * Transient errors are retried by the engine under the flow's retry policy. A transform with side
 * effects (issue 6's composite steps) must write nothing when `ctx.dryRun` is set.
 */
export interface TransformExecutor<Config> extends ExecutorWarmUp {
  readonly category: 'transform';
  open(ctx: NodeContext<Config>): TransformInstance | Promise<TransformInstance>;
}

/** Passes the record on through one port. */
export function emit(record: FlowRecord, port = 'out'): TransformResult {
  return { kind: 'emit', outputs: [{ port, record }] };
}

/** Stops the record here; the item ends `skipped` with this reason (unless another path writes it). */
export function skip(reason: SkipReason): TransformResult {
  return { kind: 'skip', reason };
}

// ---------------------------------------------------------------- targets

/** What an update of the record writes: its data without the create-only fields. */
export function updatePayload(record: FlowRecord): JsonObject {
  if (record.createOnly.length === 0) return record.data;
  const copy = structuredClone(record.data);
  for (const path of record.createOnly) deletePath(copy, path);
  return copy;
}

/**
 * A create turned into an update of `existing`, as the engine would have sent it: for a target that
 * finds, while creating, that the record was made meanwhile (by another flow or a person).
 */
export function asUpdateOf(write: TargetWrite, existing: TargetIds): TargetWrite {
  return { ...write, mode: 'update', existing, payload: updatePayload(write.record) };
}

/** Ids of the record in the target system, e.g. `{ invoiceId: '…' }`. */
export type TargetIds = Readonly<Record<string, string>>;

export interface TargetLookup {
  /** Koppel's reference (see TargetInstance.reference). */
  readonly reference: string;
  readonly record: FlowRecord;
  readonly item: ItemInfo;
}

export interface TargetWrite {
  /** The full record as mapped. */
  readonly record: FlowRecord;
  /** What to write: the record, minus the create-only fields when updating. */
  readonly payload: JsonObject;
  readonly item: ItemInfo;
  readonly mode: 'create' | 'update';
  /** The record's ids in the target when Koppel wrote or found it before (null: create). */
  readonly existing: TargetIds | null;
  /** Derived from flow + node + source key (+ payload for updates): stable across retries and crashes. */
  readonly idempotencyKey: string;
  readonly reference: string;
}

export interface PreparedWrite {
  /** Exactly what will be sent (stored with the item; shown by dry runs). */
  readonly request: JsonValue;
  /** `skip`: nothing to write (e.g. "already exists"); the item is skipped with `skipReason`. */
  readonly action?: 'create' | 'update' | 'skip';
  readonly skipReason?: SkipReason;
}

export interface WriteResult {
  readonly targetIds: TargetIds;
  /** The API's answer (stored with the item). */
  readonly response?: JsonValue;
  /** Passed to downstream nodes when the target has an output port (e.g. the record with its new id). */
  readonly output?: JsonObject;
}

/**
 * A target opened for one run. The engine guarantees exactly-once around it:
 * 1. unchanged payload (same hash as the ledger) → skipped "unchanged", nothing is called;
 * 2. the intent (key, reference, request) is committed with the item's state before `send`;
 * 3. after a crash (an open intent) or an ambiguous failure, `findExisting(reference)` is asked
 *    before writing again; with `idempotency: 'key'` the same key is re-sent instead when the
 *    target has no `findExisting`;
 * 4. success stores the target ids and payload hash in the ledger; the next change is an update.
 */
export interface TargetInstance {
  /**
   * `key`: the API de-duplicates on `idempotencyKey` (MplusKASSA createOrderV3, payOrderV2).
   * `reference`: Koppel writes `reference` into the record (Teamleader purchase_order_number,
   * product code, contact e-mail) and `findExisting` finds it again.
   */
  readonly idempotency: 'key' | 'reference';
  /**
   * Call `findExisting` before every create the ledger knows nothing of, so records created
   * outside Koppel (or before the ledger existed) are updated instead of duplicated.
   */
  readonly lookupBeforeCreate?: boolean;
  /**
   * The write is several calls (a company, then its contact person's link; a deal, then its
   * quotation), so a record `findExisting` finds may be half-written. It is looked up before every
   * retry (a certain failure of a later step follows written ones) and after a crash; found, it
   * does not count as written: `send` runs again with it as `existing`, and must finish it without
   * making a second one.
   */
  readonly writesInSteps?: boolean;
  /** Koppel's reference for the record in the target; default `koppel:<flowId>:<item key>`. */
  reference?(lookup: Omit<TargetLookup, 'reference'>): string;
  /** Finds the record by reference; required for `reference` targets. */
  findExisting?(lookup: TargetLookup): Promise<TargetIds | null>;
  /** Builds the request without sending anything. */
  prepare(write: TargetWrite): PreparedWrite | Promise<PreparedWrite>;
  /** Sends the prepared request; `key` targets must pass `write.idempotencyKey`. Throw on failure. */
  send(prepared: PreparedWrite, write: TargetWrite): Promise<WriteResult>;
  close?(): void | Promise<void>;
}

export interface TargetExecutor<Config> extends ExecutorWarmUp {
  readonly category: 'target';
  open(ctx: NodeContext<Config>): TargetInstance | Promise<TargetInstance>;
}

// ---------------------------------------------------------------- registry entries

export type NodeExecutor<Config> =
  TriggerExecutor<Config> | SourceExecutor<Config> | TransformExecutor<Config> | TargetExecutor<Config>;

/** A node kind with its executor: what the registry maps `kind@version` to. */
export interface NodeModule {
  readonly definition: AnyNodeDefinition;
  // Config is parsed with `definition.config` before the executor sees it, so the erased type is safe.
  readonly executor: NodeExecutor<unknown>;
}

/** Pairs a definition with its executor, checking the config type and the category. */
export function defineExecutor<C extends z.ZodObject>(
  definition: NodeDefinition<C>,
  executor: NodeExecutor<z.output<C>>,
): NodeModule {
  if (executor.category !== definition.category) {
    throw new Error(
      `${definition.kind}@${definition.version} is a ${definition.category}, its executor a ${executor.category}.`,
    );
  }
  return { definition, executor };
}

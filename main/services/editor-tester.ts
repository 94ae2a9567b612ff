import type { EditorNodeTest, EditorSample, EditorTestError } from '../../shared/api/calls/editor';
import { apiMessage, englishApiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { FlowDocument, FlowNode } from '../../shared/flow/flow-document';
import { issueWords } from '../../shared/flow/issue-words';
import type { JsonObject } from '../../shared/flow/json';
import { formatItemKey } from '../../shared/flow/run-records';
import { namedField } from '../../shared/flow/field-words';
import { messageIn, runMessage } from '../../shared/flow/run-messages';
import { englishReasons, skipReasonText } from '../../shared/flow/skip-reasons';
import type { CodedText } from '../../shared/flow/wording';
import type { TriggerRecord } from '../../shared/nodes/record-types';
import { systemClock, type Clock } from '../engine/clock';
import type { ConnectionProvider } from '../engine/connections';
import { StepError } from '../engine/errors';
import type { FlowRecord, ItemInfo, NodeModule, TransformInstance } from '../engine/executor';
import type { NodeRegistry } from '../nodes/registry';
import { CodeError } from '../sandboxed-code';
import { editorNodeContext, type EditorLogLine } from './editor-context';
import { walkTo, type WalkPath } from './editor-walk';

/** A record of a past run: its key and the data its source delivered. */
export interface StoredSourceRecord {
  key: string;
  data: JsonObject;
}

export interface EditorTesterDeps {
  registry: NodeRegistry;
  connections: ConnectionProvider;
  /** Source records of the flow's newest runs, newest first. */
  lastRunRecords(flowId: string, limit: number): StoredSourceRecord[];
  clock?: Clock;
  /** How long a sample or test may take before it is given up (default 30 s). */
  timeoutMs?: number;
}

/** How many source records a sample tries before concluding none reaches the node (filters skip some). */
const SAMPLE_TRIES = 25;

interface Opened {
  module: NodeModule;
  config: unknown;
}

/**
 * The editor's "real data at every step": samples a node's input from its source connection (or
 * from the last run) and runs one node on a record (code alone: editor-code-test.ts). Everything
 * goes through the engine's own executors as a dry run: nothing is ever written to a system.
 */
export class EditorTester {
  private readonly clock: Clock;

  constructor(private readonly deps: EditorTesterDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  async sample(
    flow: FlowDocument,
    nodeId: string,
    from: 'auto' | 'connection' | 'lastRun',
  ): Promise<EditorSample> {
    this.nodeOf(flow, nodeId);
    const path = walkTo(
      flow,
      nodeId,
      (node) => this.deps.registry.get(node.kind, node.version)?.definition.category,
    );
    if (!path) return none(apiMessage('sampleNotConnected'));
    return this.withTimeout(async (signal) => {
      const logs: EditorLogLine[] = [];
      if (path.start && this.moduleOf(path.start).definition.category === 'trigger') {
        const trigger = await this.fire(flow, path.start, signal, logs);
        const record = await this.through(flow, path, [{ key: null, data: trigger }], signal, logs);
        return record
          ? { record: record.data, origin: 'trigger', key: null, sourceNodeId: null, reason: null }
          : none(apiMessage('sampleStartRecordStopped', lastSkip(logs)));
      }
      if (from !== 'connection') {
        const stored = this.deps.lastRunRecords(flow.id, SAMPLE_TRIES);
        const record = stored.length > 0 ? await this.through(flow, path, stored, signal, logs) : null;
        if (record) {
          return {
            record: record.data,
            origin: 'lastRun',
            key: record.key,
            sourceNodeId: path.start.id,
            reason: null,
          };
        }
        if (from === 'lastRun') {
          return none(apiMessage(stored.length === 0 ? 'sampleNoStoredRecords' : 'sampleLastRunMisses'));
        }
      }
      const read = await this.readSource(flow, path, signal, logs);
      if (read.length === 0) return none(apiMessage('sampleSourceEmpty'));
      const record = await this.through(flow, path, read, signal, logs);
      return record
        ? {
            record: record.data,
            origin: 'connection',
            key: record.key,
            sourceNodeId: path.start.id,
            reason: null,
          }
        : none(apiMessage('sampleNoneReaches', { count: read.length, ...lastSkip(logs) }));
    });
  }

  async testNode(flow: FlowDocument, nodeId: string, given?: JsonObject): Promise<EditorNodeTest> {
    const node = this.nodeOf(flow, nodeId);
    const { module, config } = this.open(node);
    const started = this.clock.now();
    const logs: EditorLogLine[] = [];
    return this.withTimeout(async (signal) => {
      let input: JsonObject | null = given ?? null;
      const finish = (outcome: EditorNodeTest['outcome']): EditorNodeTest => ({
        input,
        outcome,
        logs,
        durationMs: Math.max(0, Math.round(this.clock.now() - started)),
      });
      try {
        const ctx = editorNodeContext({
          flow,
          node,
          config,
          connections: this.deps.connections,
          clock: this.clock,
          signal,
          logs,
        });
        const executor = module.executor;
        switch (executor.category) {
          case 'trigger': {
            const record = await executor.fire(ctx, triggerRecord(this.clock));
            return finish({ kind: 'emit', outputs: [{ port: 'out', record, createOnly: [] }] });
          }
          case 'source': {
            const records = await this.readFrom(flow, node, config, null, 3, signal, logs);
            return finish({
              kind: 'emit',
              outputs: records.map((record) => ({
                port: module.definition.outputs[0]?.id ?? 'out',
                record: record.data,
                createOnly: [],
              })),
            });
          }
          default:
            break;
        }
        if (!input) {
          const sample = await this.sample(flow, nodeId, 'auto');
          if (!sample.record)
            return finish({
              kind: 'fail',
              error: {
                code: 'no_sample',
                message: sample.reason ?? 'No sample record.',
                ...(sample.reasonText ? { text: sample.reasonText } : {}),
              },
            });
          input = sample.record;
        }
        const record: FlowRecord = { data: input, createOnly: [] };
        if (executor.category === 'transform') {
          const instance = await executor.open(ctx);
          try {
            const result = await instance.process(record, itemInfo(input, null));
            return finish(
              result.kind === 'skip'
                ? { kind: 'skip', reason: result.reason }
                : {
                    kind: 'emit',
                    outputs: result.outputs.map((out) => ({
                      port: out.port,
                      record: out.record.data,
                      createOnly: [...out.record.createOnly],
                    })),
                  },
            );
          } finally {
            await instance.close?.();
          }
        }
        const target = await executor.open(ctx);
        try {
          const item = itemInfo(input, null);
          const reference = target.reference?.({ record, item }) ?? `koppel:${flow.id}:${item.key}`;
          const prepared = await target.prepare({
            record,
            payload: input,
            item,
            mode: 'create',
            existing: null,
            idempotencyKey: `editor-test:${flow.id}:${node.id}`,
            reference,
          });
          return finish({
            kind: 'write',
            action: prepared.action ?? 'create',
            request: prepared.request,
            ...(prepared.skipReason ? { skipReason: prepared.skipReason } : {}),
          });
        } finally {
          await target.close?.();
        }
      } catch (error) {
        return finish({ kind: 'fail', error: describeError(error) });
      }
    });
  }

  private nodeOf(flow: FlowDocument, nodeId: string): FlowNode {
    const node = flow.nodes.find((candidate) => candidate.id === nodeId);
    if (!node)
      throw new KoppelError('not_found', apiMessage('flowHasNoNode', { flow: flow.name, node: nodeId }));
    return node;
  }

  private moduleOf(node: FlowNode): NodeModule {
    const module = this.deps.registry.get(node.kind, node.version);
    if (!module)
      throw new KoppelError(
        'invalid_flow',
        apiMessage('nodeKindUnknown', {
          node: node.label ?? node.kind,
          id: node.id,
          kind: node.kind,
          version: node.version,
        }),
      );
    return module;
  }

  /** The node's module and parsed config; a config that does not parse is a clear error naming the field. */
  private open(node: FlowNode): Opened {
    const module = this.moduleOf(node);
    // `reportInput` so a wrong type's words name the type received (see issueWords).
    const parsed = module.definition.config.safeParse(node.config, { reportInput: true });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.map(String).join('.');
      const { label } = module.definition;
      throw new KoppelError(
        'invalid_flow',
        apiMessage('nodeSettingsInvalid', {
          node: node.label ?? label.en,
          nodeNl: node.label ?? label.nl,
          id: node.id,
          ...(path ? namedField(module.definition.config, path) : {}),
          ...(issue ? issueWords(issue) : {}),
        }),
      );
    }
    return { module, config: parsed.data };
  }

  private async fire(
    flow: FlowDocument,
    node: FlowNode,
    signal: AbortSignal,
    logs: EditorLogLine[],
  ): Promise<JsonObject> {
    const { module, config } = this.open(node);
    if (module.executor.category !== 'trigger') throw new Error(`${node.kind} is not a trigger.`);
    const ctx = editorNodeContext({
      flow,
      node,
      config,
      connections: this.deps.connections,
      clock: this.clock,
      signal,
      logs,
    });
    return module.executor.fire(ctx, triggerRecord(this.clock));
  }

  private async readSource(
    flow: FlowDocument,
    path: WalkPath,
    signal: AbortSignal,
    logs: EditorLogLine[],
  ): Promise<StoredSourceRecord[]> {
    const input = path.trigger
      ? await this.fire(flow, path.trigger, signal, logs)
      : { ...triggerRecord(this.clock) };
    const { config } = this.open(path.start);
    return this.readFrom(flow, path.start, config, input, SAMPLE_TRIES, signal, logs);
  }

  /** The first records a source reads (one page at most), without storing a cursor. */
  private async readFrom(
    flow: FlowDocument,
    node: FlowNode,
    config: unknown,
    input: JsonObject | null,
    limit: number,
    signal: AbortSignal,
    logs: EditorLogLine[],
  ): Promise<StoredSourceRecord[]> {
    const { module } = this.open(node);
    if (module.executor.category !== 'source') throw new Error(`${node.kind} is not a source.`);
    const base = editorNodeContext({
      flow,
      node,
      config,
      connections: this.deps.connections,
      clock: this.clock,
      signal,
      logs,
    });
    const ctx = {
      ...base,
      cursor: null,
      limit,
      input: { data: input ?? { ...triggerRecord(this.clock) }, createOnly: [] },
    };
    const records: StoredSourceRecord[] = [];
    for await (const page of module.executor.read(ctx)) {
      for (const record of page.records) {
        records.push({ key: formatItemKey(record.key), data: record.data });
        if (records.length >= limit) return records;
      }
      if (page.records.length > 0) break;
    }
    return records;
  }

  /** Takes records through the path's transforms; the first that reaches the node wins. */
  private async through(
    flow: FlowDocument,
    path: WalkPath,
    records: readonly { key: string | null; data: JsonObject }[],
    signal: AbortSignal,
    logs: EditorLogLine[],
  ): Promise<{ key: string | null; data: JsonObject } | null> {
    const instances: TransformInstance[] = [];
    try {
      for (const step of path.steps) {
        const { module, config } = this.open(step.node);
        if (module.executor.category !== 'transform') return null;
        const ctx = editorNodeContext({
          flow,
          node: step.node,
          config,
          connections: this.deps.connections,
          clock: this.clock,
          signal,
          logs,
        });
        instances.push(await module.executor.open(ctx));
      }
      for (const record of records) {
        let current: FlowRecord | null = { data: record.data, createOnly: [] };
        for (const [index, instance] of instances.entries()) {
          const step = path.steps[index] as WalkPath['steps'][number];
          const node = step.node.label ?? step.node.kind;
          try {
            const result = await instance.process(current, itemInfo(record.data, record.key));
            if (result.kind === 'skip') {
              const reason = englishReasons([result.reason]);
              const reasonNl = skipReasonText(result.reason, 'nl') ?? reason;
              logs.push(ownLine('info', apiMessage('sampleSkippedBy', { node, reason, reasonNl })));
              current = null;
            } else current = result.outputs.find((output) => output.port === step.port)?.record ?? null;
          } catch (error) {
            const described = describeError(error);
            const problemNl = messageIn(described, 'nl');
            logs.push(
              ownLine('warn', apiMessage('sampleFailedBy', { node, problem: described.message, problemNl })),
            );
            current = null;
          }
          if (!current) break;
        }
        if (current) return { key: record.key, data: current.data };
      }
      return null;
    } finally {
      for (const instance of instances) await instance.close?.();
    }
  }

  private async withTimeout<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timeoutMs = this.deps.timeoutMs ?? 30_000;
    const cancel = this.clock.setTimer(timeoutMs, () =>
      controller.abort(
        new KoppelError(
          'unavailable',
          apiMessage('editorTestTimedOut', { seconds: Math.round(timeoutMs / 1000) }),
        ),
      ),
    );
    try {
      return await work(controller.signal);
    } finally {
      cancel();
    }
  }
}

function none(reason: CodedText): EditorSample {
  return {
    record: null,
    origin: null,
    key: null,
    sourceNodeId: null,
    reason: englishApiMessage(reason),
    reasonText: reason,
  };
}

/** A line the sample search writes itself (what stopped a record). */
function ownLine(level: EditorLogLine['level'], text: CodedText): EditorLogLine {
  return { level, message: englishApiMessage(text), text };
}

/** What the last line said (what stopped the last record), in English and Dutch. */
function lastSkip(logs: readonly EditorLogLine[]): { stop?: string; stopNl?: string } {
  const last = logs.at(-1);
  return last ? { stop: last.message, stopNl: messageIn(last, 'nl') } : {};
}

function triggerRecord(clock: Clock): TriggerRecord {
  return { trigger: 'manual', runId: 'editor-test', startedAt: new Date(clock.now()).toISOString() };
}

function itemInfo(data: JsonObject, key: string | null): ItemInfo {
  const [system = 'editor', entity = 'sample', ...id] = (key ?? 'editor:sample:1').split(':');
  return {
    itemId: 0,
    key: key ?? 'editor:sample:1',
    keyParts: { system, entity, id: id.join(':') || '1' },
    businessKeys: {},
    source: data,
  };
}

function describeError(error: unknown): EditorTestError {
  if (error instanceof StepError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.text === undefined ? {} : { text: error.text }),
      ...(error.field === undefined ? {} : { field: error.field }),
      ...(error.value === undefined ? {} : { value: error.value }),
    };
  }
  if (error instanceof KoppelError) {
    return { code: error.code, message: error.message, ...(error.text ? { text: error.text } : {}) };
  }
  if (error instanceof CodeError) {
    return {
      code: `code_${error.kind}`,
      message: error.message,
      ...(error.text === undefined ? {} : { text: runMessage('codeProblemAt', error.problem) }),
    };
  }
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}

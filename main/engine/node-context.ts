import type { FlowDocument, FlowNode } from '../../shared/flow/flow-document';
import { messageFields, type RunMessage } from '../../shared/flow/run-messages';
import { formatItemKey } from '../../shared/flow/run-records';
import type { WrittenRecord } from '../store/items-repo';
import type { RunWriter } from '../store/run-writer';
import type { Clock } from './clock';
import type { ConnectionProvider } from './connections';
import type { NodeContext, RunLog } from './executor';
import { localAccountOf, type MakingLock } from './making-lock';
import { RetriesExhausted, withRetry } from './retry';
import { RunShared } from './run-shared';

export interface NodeContextDeps {
  flow: FlowDocument;
  runId: string;
  dryRun: boolean;
  signal: AbortSignal;
  clock: Clock;
  writer: RunWriter;
  connections: ConnectionProvider;
  random: () => number;
  making: MakingLock;
  /** When the run started, by the system's clock (the making lock's times are other processes' too). */
  startedAtWall: number;
  /** The run history's answer to {@link NodeContext.writtenFrom}, by formatted item key. */
  writtenFrom: (key: string) => readonly WrittenRecord[];
  /** What the run's nodes share ({@link NodeContext.perRun}); without it, nothing is shared. */
  shared?: RunShared;
}

/**
 * {@link NodeContext.writtenFrom} where there is no run history to ask (the editor's tests of a
 * node, unit tests): nothing is known, so nodes ask their systems.
 */
export const withoutRunHistory = (): readonly WrittenRecord[] => [];

/** Builds what an executor sees of the run, for one node. */
export function createNodeContext<Config>(
  deps: NodeContextDeps,
  node: FlowNode,
  config: Config,
): NodeContext<Config> {
  const connectionId = typeof node.config.connectionId === 'string' ? node.config.connectionId : undefined;
  const log =
    (level: 'debug' | 'info' | 'warn' | 'error') => (message: string | RunMessage, key?: string) => {
      deps.writer.event({
        type: 'log',
        level,
        ...messageFields(message),
        nodeId: node.id,
        ...(key === undefined ? {} : { key }),
      });
    };
  const runLog: RunLog = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  const shared = deps.shared ?? new RunShared(deps.signal);
  return {
    runId: deps.runId,
    flowId: deps.flow.id,
    flowName: deps.flow.name,
    node,
    config,
    dryRun: deps.dryRun,
    signal: deps.signal,
    clock: deps.clock,
    log: runLog,
    connection: (kind) => deps.connections.get(kind, connectionId),
    retry: async (work) => {
      try {
        const { value } = await withRetry(work, {
          policy: deps.flow.settings.retry,
          clock: deps.clock,
          signal: deps.signal,
          random: deps.random,
          onRetry: (attempt, delayMs, error) =>
            runLog.warn(
              `Attempt ${attempt} failed (${error.message}); trying again in ${Math.round(delayMs / 1000)} s.`,
            ),
        });
        return value;
      } catch (error) {
        // Callers see the classified error (with its code and flags), not the wrapper.
        throw error instanceof RetriesExhausted ? error.error : error;
      }
    },
    whileMaking: (client, key, work) =>
      deps.making.whileMaking(
        deps.connections.accountOf?.(client) ?? localAccountOf(client),
        key,
        deps.startedAtWall,
        deps.signal,
        work,
      ),
    writtenFrom: (key) => deps.writtenFrom(formatItemKey(key)),
    perRun: (key, owner) => shared.get(key, owner),
  };
}

import { messageFields, type RunMessage } from '../../shared/flow/run-messages';
import type { FlowDocument, FlowNode } from '../../shared/flow/flow-document';
import type { Clock } from '../engine/clock';
import type { ConnectionProvider } from '../engine/connections';
import { withoutMakingLock } from '../engine/making-lock';
import { withoutRunHistory } from '../engine/node-context';
import { RetriesExhausted, withRetry } from '../engine/retry';
import { RunShared } from '../engine/run-shared';
import type { NodeContext, RunLog } from '../engine/executor';

export type EditorLogLine = {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  text?: RunMessage;
};

/** A test retries a transient error once, quickly: the user is waiting for the answer. */
const TEST_RETRY = { attempts: 2, baseDelaySeconds: 0.5, maxDelaySeconds: 2 };

/**
 * What an executor sees when the editor tests it: a dry run (targets only prepare; composite steps
 * write nothing), logs collected for the panel instead of stored, the node's own connection.
 */
export function editorNodeContext<Config>(options: {
  flow: FlowDocument;
  node: FlowNode;
  config: Config;
  connections: ConnectionProvider;
  clock: Clock;
  signal: AbortSignal;
  logs: EditorLogLine[];
}): NodeContext<Config> {
  const { flow, node, logs } = options;
  const connectionId = typeof node.config.connectionId === 'string' ? node.config.connectionId : undefined;
  const line = (level: EditorLogLine['level']) => (message: string | RunMessage) =>
    logs.push({ level, ...messageFields(message) });
  const log: RunLog = { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
  // Each node of an editor test reads its own reference lists (a test is a few records).
  const shared = new RunShared(options.signal);
  return {
    runId: 'editor-test',
    flowId: flow.id,
    flowName: flow.name,
    node,
    config: options.config,
    dryRun: true,
    signal: options.signal,
    clock: options.clock,
    log,
    connection: (kind) => options.connections.get(kind, connectionId),
    retry: async (work) => {
      try {
        const { value } = await withRetry(work, {
          policy: TEST_RETRY,
          clock: options.clock,
          signal: options.signal,
          random: Math.random,
        });
        return value;
      } catch (error) {
        throw error instanceof RetriesExhausted ? error.error : error;
      }
    },
    // A dry run: nothing is made, so nothing to keep from other runs.
    whileMaking: withoutMakingLock,
    writtenFrom: withoutRunHistory,
    perRun: (key, owner) => shared.get(key, owner),
  };
}

import type { JsonObject } from '../../../../shared/flow/json';
import type { ClientKind, ConnectionClients } from '../../../engine/connections';
import { systemClock } from '../../../engine/clock';
import { withoutMakingLock } from '../../../engine/making-lock';
import { withoutRunHistory } from '../../../engine/node-context';
import { RunShared } from '../../../engine/run-shared';
import type {
  FlowRecord,
  ItemInfo,
  NodeContext,
  TransformInstance,
  TransformResult,
} from '../../../engine/executor';

/**
 * A NodeContext for calling one executor directly in a test: the config as given, connections from
 * `clients`, and log lines collected in `logs`.
 */
export function testContext<Config>(
  config: Config,
  clients: Partial<{ [K in ClientKind]: ConnectionClients[K] }> = {},
  options: { dryRun?: boolean } = {},
): NodeContext<Config> & { logs: string[] } {
  const logs: string[] = [];
  const log = (level: string) => (message: string) => void logs.push(`${level}: ${message}`);
  const signal = new AbortController().signal;
  const shared = new RunShared(signal);
  return {
    runId: 'test-run',
    flowId: 'test-flow',
    flowName: 'Test flow',
    node: { id: 'node-1', kind: 'test.node', version: 1, position: { x: 0, y: 0 }, config: {} },
    config,
    dryRun: options.dryRun ?? false,
    signal,
    clock: systemClock,
    log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    logs,
    async connection(kind) {
      const client = clients[kind];
      if (client === undefined) throw new Error(`No ${kind} client in this test.`);
      return client;
    },
    retry: (work) => work(),
    whileMaking: withoutMakingLock,
    writtenFrom: withoutRunHistory,
    perRun: (key, owner) => shared.get(key, owner),
  };
}

export function itemOf(data: JsonObject): ItemInfo {
  return {
    itemId: 1,
    key: 'test:record:1',
    keyParts: { system: 'test', entity: 'record', id: '1' },
    businessKeys: {},
    source: data,
  };
}

/** Runs one record through an opened transform. */
export function process(instance: TransformInstance, data: JsonObject): Promise<TransformResult> {
  const record: FlowRecord = { data, createOnly: [] };
  return Promise.resolve(instance.process(record, itemOf(data)));
}

import type { z } from 'zod';
import { RunShared } from '../run-shared';
import type { JsonObject } from '../../../shared/flow/json';
import type { NodeDefinition } from '../../../shared/nodes/node-definition';
import type { NodeContext, NodeModule, TransformInstance, TransformResult } from '../executor';
import { staticConnections } from '../connections';
import { withoutMakingLock } from '../making-lock';
import { withoutRunHistory } from '../node-context';
import { TestClock } from './test-clock';

/** Opens a transform module with a config (parsed by its definition) for a direct unit test. */
export async function openTransform<C extends z.ZodObject>(
  module: NodeModule,
  definition: NodeDefinition<C>,
  config: z.input<C>,
): Promise<{
  process(data: JsonObject, createOnly?: string[]): Promise<TransformResult>;
  instance: TransformInstance;
  logs: string[];
}> {
  if (module.executor.category !== 'transform') throw new Error(`${definition.kind} is not a transform.`);
  const logs: string[] = [];
  const log = (message: string) => void logs.push(message);
  const signal = new AbortController().signal;
  const shared = new RunShared(signal);
  const ctx: NodeContext<unknown> = {
    runId: 'run',
    flowId: 'flow',
    flowName: 'Flow',
    node: {
      id: 'node',
      kind: definition.kind,
      version: definition.version,
      position: { x: 0, y: 0 },
      config: {},
    },
    config: definition.config.parse(config),
    dryRun: false,
    signal,
    clock: new TestClock(),
    log: { debug: log, info: log, warn: log, error: log },
    connection: (kind) => staticConnections({}).get(kind),
    retry: (work) => work(),
    whileMaking: withoutMakingLock,
    writtenFrom: withoutRunHistory,
    perRun: (key, owner) => shared.get(key, owner),
  };
  const instance = await module.executor.open(ctx);
  return {
    instance,
    logs,
    process: async (data, createOnly = []) =>
      instance.process(
        { data, createOnly },
        {
          itemId: 1,
          key: 'test:record:1',
          keyParts: { system: 'test', entity: 'record', id: '1' },
          businessKeys: {},
          source: data,
        },
      ),
  };
}

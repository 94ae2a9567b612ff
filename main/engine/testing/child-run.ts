/**
 * The child side of the child-process harness: runs one flow against a data folder with the
 * connections a module provides, printing its run events and the result as JSON lines on stdout.
 * Started by `startChildRun` (child-harness.ts); a parent may SIGKILL it at any point.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createNodeRegistry } from '../../nodes';
import { Store } from '../../store/store';
import type { ConnectionProvider } from '../connections';
import { Engine } from '../engine';
import { ChildRunSpec } from './child-spec';

async function main(): Promise<void> {
  const specFile = process.argv[2];
  if (!specFile) throw new Error('Usage: child-run <spec.json>');
  const spec = ChildRunSpec.parse(JSON.parse(fs.readFileSync(specFile, 'utf8')));
  const module: unknown = await import(pathToFileURL(spec.connectionsModule).href);
  const factory =
    typeof module === 'object' && module !== null && 'createConnections' in module
      ? module.createConnections
      : undefined;
  if (typeof factory !== 'function')
    throw new Error(`${spec.connectionsModule} does not export createConnections(options).`);
  const provided: unknown = await factory(spec.connectionsOptions);
  if (!isProvider(provided))
    throw new Error(`createConnections of ${spec.connectionsModule} returned no ConnectionProvider.`);
  const connections = provided;
  const store = Store.openDataDir(spec.dataDir);
  const write = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const engine = new Engine({
    store,
    registry: createNodeRegistry(),
    connections,
    heartbeatMs: 1000,
    onEvents: (batch) => {
      if (spec.printEvents) for (const event of batch.events) write({ type: 'event', event });
    },
  });
  engine.recover();
  const result = await engine.run({
    flow: spec.flow,
    trigger: 'manual',
    dryRun: spec.dryRun,
    limit: spec.limit ?? null,
  });
  write({ type: 'result', result });
  store.close();
}

function isProvider(value: unknown): value is ConnectionProvider {
  return typeof value === 'object' && value !== null && 'get' in value && typeof value.get === 'function';
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

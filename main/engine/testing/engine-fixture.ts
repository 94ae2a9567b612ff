import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../../shared/flow/run-events';
import { createNodeRegistry } from '../../nodes';
import { Store, type StoreOptions } from '../../store/store';
import type { Clock } from '../clock';
import { staticConnections } from '../connections';
import { Engine, type EngineOptions } from '../engine';
import { MemorySystem } from './memory-system';
import { TestClock } from './test-clock';

export interface EngineFixture {
  dir: string;
  store: Store;
  engine: Engine;
  system: MemorySystem;
  clock: Clock;
  /** Every event published, in order. */
  events: RunEvent[];
  eventsOf(runId: string): RunEvent[];
  /** A second engine on the same database file, as another process would have (own lock owner). */
  reopen(options?: { storeOptions?: StoreOptions; file?: string }): EngineFixture;
  cleanup(): void;
}

/**
 * A real SQLite file in a temporary folder, the in-memory test system as `memory` connection,
 * the built-in registry and a test clock (retries do not wait).
 */
export function engineFixture(
  options: {
    system?: MemorySystem;
    clock?: Clock;
    storeOptions?: StoreOptions;
    engine?: Partial<EngineOptions>;
    dir?: string;
    file?: string;
  } = {},
): EngineFixture {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-engine-'));
  const store = options.file
    ? Store.open(options.file, options.storeOptions)
    : Store.openDataDir(dir, options.storeOptions);
  const system = options.system ?? new MemorySystem();
  const clock = options.clock ?? new TestClock(Date.now());
  const events: RunEvent[] = [];
  const engine = new Engine({
    store,
    registry: createNodeRegistry(),
    connections: staticConnections({ memory: system }),
    clock,
    onEvents: (batch) => events.push(...batch.events),
    heartbeatMs: 60_000,
    progressMs: 60_000,
    random: () => 0.5,
    ...options.engine,
  });
  const fixture: EngineFixture = {
    dir,
    store,
    engine,
    system,
    clock,
    events,
    eventsOf: (runId) => events.filter((event) => event.runId === runId),
    reopen: (more = {}) =>
      engineFixture({
        system,
        clock,
        dir,
        ...(more.file ? { file: more.file } : {}),
        storeOptions: more.storeOptions ?? options.storeOptions ?? {},
        ...(options.engine ? { engine: options.engine } : {}),
      }),
    cleanup: () => {
      store.close();
      if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

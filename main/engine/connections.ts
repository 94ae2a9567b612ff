import type { ConnectionKind } from '../../shared/nodes/node-definition';
import type { MemorySystem } from './testing/memory-system';

/**
 * The typed client behind each connection kind. Connector modules add theirs by declaration
 * merging, so the engine does not import them:
 *
 * ```ts
 * declare module '../../engine/connections' {
 *   interface ConnectionClients { teamleader: TeamleaderClient }
 * }
 * ```
 */
export interface ConnectionClients {
  memory: MemorySystem;
  teamleader: unknown;
  mplus: unknown;
}

/** Connection kinds that have a client (`none` has none). */
export type ClientKind = Exclude<ConnectionKind, 'none'> & keyof ConnectionClients;

/**
 * How executors get their connection: the connection registry implements it with real clients,
 * tests with in-memory fakes. `connectionId` is the node's `config.connectionId`; without it the
 * only (or default) connection of that kind is meant. Throws a `KoppelError('connection_failed')`
 * (or `not_found`) with a clear message when there is none or it cannot be opened.
 */
export interface ConnectionProvider {
  get<K extends ClientKind>(kind: K, connectionId?: string): Promise<ConnectionClients[K]>;
}

/** A provider over fixed clients, for tests and the benchmark. */
export function staticConnections(
  clients: Partial<{ [K in ClientKind]: ConnectionClients[K] }>,
): ConnectionProvider {
  return {
    async get(kind) {
      const client = clients[kind];
      if (client === undefined) throw new Error(`No ${kind} connection in this test.`);
      return client;
    },
  };
}

import { runMessage, type RunMessage } from '../../shared/flow/run-messages';
import type { ConnectionProblem } from '../../shared/flow/validate-flow';
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
  /**
   * Without opening anything: why a node (naming `connectionId`, or not) could not get its
   * connection, so validation refuses the flow before a run starts. Providers without it leave
   * that to `get`.
   */
  check?(kind: ConnectionKind, connectionId: string | undefined): ConnectionProblem | undefined;
  /**
   * The account a client of `get` talks to, named the same in every process on this data folder
   * (the making lock meets other processes' runs by it). Providers without it: the client object.
   */
  accountOf?(client: object): string | undefined;
}

/**
 * A provider over fixed clients, for tests and the benchmark; `accounts` names a kind's account as
 * a registry would (tests of two processes give both the same name).
 */
export function staticConnections(
  clients: Partial<{ [K in ClientKind]: ConnectionClients[K] }>,
  accounts: Partial<Record<ClientKind, string>> = {},
): ConnectionProvider {
  return {
    async get(kind) {
      const client = clients[kind];
      if (client === undefined) throw new Error(`No ${kind} connection in this test.`);
      return client;
    },
    accountOf(client) {
      const kind = (Object.keys(clients) as ClientKind[]).find((each) => clients[each] === client);
      return kind ? accounts[kind] : undefined;
    },
  };
}

/**
 * What a connection's client may offer: news of a long wait before its next call (a rate limit of
 * `limit` calls per `windowMs` at `system`), so a run that seems to stand still says why.
 */
export interface WaitNews {
  onWait(listener: WaitListener): () => void;
}

export type WaitListener = (wait: {
  waitMs: number;
  system: string;
  limit: number;
  windowMs: number;
}) => void;

function hasWaitNews(client: unknown): client is WaitNews {
  return (
    typeof client === 'object' &&
    client !== null &&
    'onWait' in client &&
    typeof (client as { onWait: unknown }).onWait === 'function'
  );
}

/**
 * A run's view of the connections: the clients it uses that offer {@link WaitNews} report their
 * long waits to `tell` (once per client, however many nodes share it) until `stop()`.
 */
export function watchWaits(
  connections: ConnectionProvider,
  tell: (message: RunMessage, waitMs: number) => void,
): { connections: ConnectionProvider; stop(): void } {
  const watched = new Map<unknown, () => void>();
  return {
    connections: {
      async get(kind, connectionId) {
        const client = await connections.get(kind, connectionId);
        if (hasWaitNews(client) && !watched.has(client)) {
          watched.set(
            client,
            client.onWait(({ waitMs, system, limit, windowMs }) =>
              tell(
                runMessage('rateLimitWait', {
                  system,
                  limit,
                  windowS: Math.round(windowMs / 1000),
                  waitS: Math.ceil(waitMs / 1000),
                }),
                waitMs,
              ),
            ),
          );
        }
        return client;
      },
      accountOf: (client) => connections.accountOf?.(client),
    },
    stop() {
      for (const unsubscribe of watched.values()) unsubscribe();
      watched.clear();
    },
  };
}

import { createHash } from 'node:crypto';
import type { ConnectionView } from '../../shared/api/calls/connections';
import { apiMessage, englishApiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { SandboxRefusedAction } from '../../shared/api/messages/connection-messages';
import type {
  Connection,
  ConnectionKind,
  CredentialState,
  MplusConnection,
  TeamleaderConnection,
} from '../../shared/connections/connection';
import type { Logger } from '../app/logger';
import { silentLogger } from '../app/logger';
import { createMplusClient, type MplusClient, type MplusClientOptions } from '../connectors/mplus';
import {
  createTeamleaderClient,
  type TeamleaderClient,
  type TeamleaderClientOptions,
  type TeamleaderTokenStore,
} from '../connectors/teamleader';
import { connectionIdProblem } from '../../shared/connections/connection-check';
import type { ConnectionProblem } from '../../shared/flow/validate-flow';
import type { ConnectionKind as NodeConnectionKind } from '../../shared/nodes/node-definition';
import type { ClientKind, ConnectionClients, ConnectionProvider } from '../engine/connections';
import type { SettingsStore } from '../settings/settings-store';
import type { Vault } from '../vault/vault';
import { MPLUS_SECRET_FIELDS, SANDBOX_MPLUS_ID, SANDBOX_TEAMLEADER_ID } from './connection-config';
import { ConnectionStore } from './connection-store';
import { createVaultTokenStore, TEAMLEADER_SECRET_FIELDS } from './vault-token-store';

/** Where this process reaches the running sandbox, and with which (non-secret) credentials. */
export interface SandboxEndpoints {
  teamleader: {
    apiUrl: string;
    authUrl: string;
    clientId: string;
    clientSecret: string;
    /** In memory only: the data folder never holds a sandbox token. */
    tokenStore: TeamleaderTokenStore;
  };
  mplus: { url: string; ident: string; secret: string };
}

/** The sandbox as the registry needs it: started (or found running) on demand. */
export interface SandboxAccess {
  /** False when settings.sandbox.enabled is off. */
  enabled(): boolean;
  /** Starts the sandbox in this process or adopts the one another process runs; registers both connections. */
  ensure(): Promise<SandboxEndpoints>;
  /** Calls `listener` whenever the twins restart (other sample data): their tokens are new. */
  onRestart(listener: () => void): void;
}

export interface ConnectionRegistryOptions {
  settings: SettingsStore;
  vault: Vault;
  logger?: Logger;
  sandbox?: SandboxAccess;
  /** Extra client options (shorter timeouts in tests). */
  teamleaderOptions?: Partial<Omit<TeamleaderClientOptions, 'clientId' | 'clientSecret' | 'tokenStore'>>;
  mplusOptions?: Partial<Omit<MplusClientOptions, 'url' | 'ident' | 'secret'>>;
}

type Built<C> = { key: string; client: C };

/**
 * The connections of this data folder: metadata in settings, secrets in the vault, ready clients on
 * request. One client per connection per process (one token manager and one rate limiter each).
 */
export class ConnectionRegistry implements ConnectionProvider {
  readonly store: ConnectionStore;
  readonly vault: Vault;
  private readonly logger: Logger;
  private sandbox: SandboxAccess | undefined;
  private readonly teamleaderClients = new Map<string, Built<TeamleaderClient>>();
  private readonly mplusClients = new Map<string, Built<MplusClient>>();
  /** Each client's account as `accountOf` names it. */
  private readonly accounts = new WeakMap<object, string>();

  constructor(private readonly options: ConnectionRegistryOptions) {
    this.store = new ConnectionStore(options.settings);
    this.vault = options.vault;
    this.logger = options.logger ?? silentLogger;
    if (options.sandbox) this.attachSandbox(options.sandbox);
  }

  /** Set once the sandbox manager exists (it needs the registry to register its connections). */
  attachSandbox(sandbox: SandboxAccess): void {
    this.sandbox = sandbox;
    // Clients made for the old twins hold their tokens: the next call makes new ones.
    sandbox.onRestart(() => {
      this.invalidate(SANDBOX_TEAMLEADER_ID);
      this.invalidate(SANDBOX_MPLUS_ID);
    });
  }

  /** The engine's entry point: a ready client of that kind. */
  async get<K extends ClientKind>(kind: K, connectionId?: string): Promise<ConnectionClients[K]> {
    // The engine keys clients by kind; the two kinds below are the only ones a registry serves.
    if (kind === 'teamleader') return (await this.teamleader(connectionId)) as ConnectionClients[K];
    if (kind === 'mplus') return (await this.mplus(connectionId)) as ConnectionClients[K];
    throw new KoppelError('not_found', apiMessage('connectionKindUnknown', { kind }));
  }

  /**
   * The account a client writes to, named the same in every process on this data folder and by
   * every connection to that account (see {@link teamleaderAccountName}, {@link mplusAccountName}):
   * the making lock keeps makers of one record on one account apart.
   */
  accountOf(client: object): string | undefined {
    return this.accounts.get(client);
  }

  /** Validation's check of a node's connection id, from settings alone (nothing is opened). */
  check(kind: NodeConnectionKind, connectionId: string | undefined): ConnectionProblem | undefined {
    const sandbox = { enabled: this.sandbox?.enabled() ?? false };
    return connectionIdProblem({ connections: this.store.list(), sandbox }, kind, connectionId);
  }

  /** Every connection, as the renderer may see it. */
  async list(): Promise<ConnectionView[]> {
    return Promise.all(this.store.list().map((c) => this.view(c)));
  }

  async view(connection: Connection): Promise<ConnectionView> {
    return { ...connection, credentials: await this.credentialState(connection) };
  }

  /**
   * The connection a node without a connection id means: the first live one of the kind, else the
   * sandbox's (started on demand). `not_found` with what to do when there is none.
   */
  async resolve(kind: 'teamleader', connectionId?: string): Promise<TeamleaderConnection>;
  async resolve(kind: 'mplus', connectionId?: string): Promise<MplusConnection>;
  async resolve(kind: ConnectionKind, connectionId?: string): Promise<Connection> {
    if (connectionId) {
      // The sandbox registers its two connections when it starts: start it for a node that names one.
      const isSandboxId = connectionId === SANDBOX_TEAMLEADER_ID || connectionId === SANDBOX_MPLUS_ID;
      if (isSandboxId && !this.store.find(connectionId) && this.sandbox?.enabled())
        await this.sandbox.ensure();
      return ofKind(this.store.get(connectionId), kind);
    }
    const live = this.store.list().find((c) => c.kind === kind && c.mode === 'live');
    if (live) return live;
    const sandboxId = kind === 'teamleader' ? SANDBOX_TEAMLEADER_ID : SANDBOX_MPLUS_ID;
    if (this.sandbox?.enabled()) {
      await this.sandbox.ensure();
      return ofKind(this.store.get(sandboxId), kind);
    }
    const system = kind === 'teamleader' ? 'Teamleader' : 'MplusKASSA';
    throw new KoppelError('not_found', apiMessage('connectionNoneOfKind', { system }));
  }

  /** A ready Teamleader client whose tokens live in the vault (sandbox: in memory). */
  async teamleader(connectionId?: string): Promise<TeamleaderClient> {
    const connection = await this.resolve('teamleader', connectionId);
    const options = await this.teamleaderOptions(connection);
    const key = fingerprint([
      options.apiBaseUrl,
      options.authBaseUrl,
      options.clientId,
      options.clientSecret,
    ]);
    const cached = this.teamleaderClients.get(connection.id);
    if (cached?.key === key) return cached.client;
    const client = createTeamleaderClient({ ...this.options.teamleaderOptions, ...options });
    this.teamleaderClients.set(connection.id, { key, client });
    this.accounts.set(client, teamleaderAccountName(connection, options.apiBaseUrl));
    return client;
  }

  /** A ready MplusKASSA client with ident and secret from the vault (sandbox: the twin's). */
  async mplus(connectionId?: string): Promise<MplusClient> {
    const connection = await this.resolve('mplus', connectionId);
    const options = await this.mplusOptions(connection);
    const key = fingerprint([options.url, options.ident, options.secret]);
    const cached = this.mplusClients.get(connection.id);
    if (cached?.key === key) return cached.client;
    const client = createMplusClient({ ...this.options.mplusOptions, ...options });
    this.mplusClients.set(connection.id, { key, client });
    this.accounts.set(client, mplusAccountName(options.url));
    return client;
  }

  /** Client options for a Teamleader connection; `needs_auth`-style errors when secrets are missing. */
  async teamleaderOptions(connection: TeamleaderConnection): Promise<TeamleaderClientOptions> {
    if (connection.mode === 'sandbox') {
      const sandbox = await this.requireSandbox();
      return {
        apiBaseUrl: sandbox.teamleader.apiUrl,
        authBaseUrl: sandbox.teamleader.authUrl,
        clientId: sandbox.teamleader.clientId,
        clientSecret: sandbox.teamleader.clientSecret,
        tokenStore: sandbox.teamleader.tokenStore,
      };
    }
    const clientSecret = await this.vault.get(connection.id, 'clientSecret');
    if (!clientSecret) {
      throw new KoppelError(
        'connection_failed',
        apiMessage('teamleaderNotConnected', { name: connection.name }),
        { needsAuth: true },
      );
    }
    return {
      apiBaseUrl: connection.config.apiBaseUrl,
      authBaseUrl: connection.config.authBaseUrl,
      clientId: connection.config.clientId,
      clientSecret,
      tokenStore: createVaultTokenStore(this.vault, connection.id),
    };
  }

  async mplusOptions(
    connection: MplusConnection,
  ): Promise<Pick<MplusClientOptions, 'url' | 'ident' | 'secret'>> {
    if (connection.mode === 'sandbox') {
      const sandbox = await this.requireSandbox();
      return { url: sandbox.mplus.url, ident: sandbox.mplus.ident, secret: sandbox.mplus.secret };
    }
    const ident = await this.vault.get(connection.id, 'ident');
    const secret = await this.vault.get(connection.id, 'secret');
    if (!ident || !secret) {
      throw new KoppelError(
        'connection_failed',
        apiMessage('mplusCredentialMissing', { name: connection.name, field: ident ? 'secret' : 'ident' }),
        { needsAuth: true },
      );
    }
    return { url: connection.config.url, ident, secret };
  }

  /** Forgets cached clients of a connection (after its secrets or settings changed). */
  invalidate(connectionId: string): void {
    this.teamleaderClients.delete(connectionId);
    this.mplusClients.delete(connectionId);
  }

  /** Deletes a connection's secrets and marks it as needing authorisation. */
  async disconnect(connectionId: string): Promise<Connection> {
    const connection = this.requireLive(connectionId, 'disconnect');
    await this.vault.deleteAll(connection.id, secretFields(connection.kind));
    this.invalidate(connection.id);
    const disconnected = apiMessage('connectionDisconnected');
    return this.store.update(connection, (current) => ({
      ...current,
      status: 'needs_auth',
      statusMessage: englishApiMessage(disconnected),
      statusText: disconnected,
      account: undefined,
      checkedAt: new Date().toISOString(),
    }));
  }

  /** Deletes a connection and its secrets. */
  async remove(connectionId: string): Promise<void> {
    const connection = this.requireLive(connectionId, 'delete');
    await this.vault.deleteAll(connection.id, secretFields(connection.kind));
    this.invalidate(connection.id);
    this.store.remove(connection.id);
  }

  /** A live connection by id; the sandbox's own two are managed by the sandbox setting. */
  requireLive(connectionId: string, action: SandboxRefusedAction): Connection {
    const connection = this.store.get(connectionId);
    if (connection.mode === 'sandbox') {
      throw new KoppelError(
        'conflict',
        apiMessage('connectionBelongsToSandbox', { name: connection.name, action }),
      );
    }
    return connection;
  }

  private async requireSandbox(): Promise<SandboxEndpoints> {
    if (!this.sandbox?.enabled()) {
      throw new KoppelError('connection_failed', apiMessage('connectionSandboxOff'));
    }
    return this.sandbox.ensure();
  }

  /** Where the connection's secrets are, without revealing any. Never throws for a missing keychain. */
  private async credentialState(connection: Connection): Promise<CredentialState> {
    if (connection.mode === 'sandbox') return 'sandbox';
    const required = connection.kind === 'teamleader' ? ['clientSecret'] : [...MPLUS_SECRET_FIELDS];
    if (required.every((field) => this.vault.fromEnvironment(connection.id, field))) return 'environment';
    try {
      for (const field of required) {
        if ((await this.vault.get(connection.id, field)) === undefined) return 'missing';
      }
      if (connection.kind === 'teamleader') {
        const tokens = await createVaultTokenStore(this.vault, connection.id).load();
        if (!tokens) return 'missing';
      }
      return 'stored';
    } catch (error) {
      this.logger.warn('Could not read a connection secret', {
        connection: connection.id,
        error: error instanceof Error ? error.message : String(error),
      });
      return 'missing';
    }
  }
}

function ofKind(connection: Connection, kind: ConnectionKind): Connection {
  if (connection.kind !== kind) {
    throw new KoppelError(
      'invalid_input',
      apiMessage('connectionWrongKind', { id: connection.id, kind: connection.kind, expected: kind }),
    );
  }
  return connection;
}

export function secretFields(kind: ConnectionKind): readonly string[] {
  return kind === 'teamleader' ? TEAMLEADER_SECRET_FIELDS : MPLUS_SECRET_FIELDS;
}

/** A cache key that changes when any input does, without keeping secrets around in clear. */
function fingerprint(parts: readonly (string | undefined)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * A Teamleader account by the id `users.me` gave when the connection was authorised (every
 * customer shares the API's address), with that address (a sandbox twin's port); before that is
 * known, the connection itself. Two names for one account only lose coordination; one name for two
 * accounts would hand one a record the other made, so an id is never guessed.
 */
export function teamleaderAccountName(
  connection: TeamleaderConnection,
  apiBaseUrl: string | undefined,
): string {
  // Without an address of its own the client talks to Teamleader's (the default).
  const address = apiBaseUrl ?? 'teamleader';
  const accountId = connection.account?.accountId;
  return accountId ? `teamleader ${address} account ${accountId}` : `${connection.id} ${address}`;
}

/** A MplusKASSA account by its address: each customer's till has its own host and port. */
export function mplusAccountName(url: string): string {
  return `mplus ${url}`;
}

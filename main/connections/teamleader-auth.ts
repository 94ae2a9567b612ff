import { randomBytes } from 'node:crypto';
import type { TeamleaderAuthStatus } from '../../shared/api/calls/connections';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { TeamleaderConnection } from '../../shared/connections/connection';
import type { TextLanguage } from '../../shared/flow/wording';
import type { Logger } from '../app/logger';
import { silentLogger } from '../app/logger';
import {
  buildAuthorizeUrl,
  createMemoryTokenStore,
  createPkcePair,
  createTeamleaderClient,
  DEFAULT_API_BASE_URL,
  DEFAULT_AUTH_BASE_URL,
} from '../connectors/teamleader';
import { testConnection } from './connection-tests';
import { createState, OAuthCallbackError, startLoopbackListener } from './oauth-loopback';
import type { ConnectionRegistry } from './registry';
import { createVaultTokenStore } from './vault-token-store';

export interface StartTeamleaderAuthInput {
  id?: string;
  name?: string;
  clientId?: string;
  clientSecret?: string;
  apiBaseUrl?: string;
  authBaseUrl?: string;
  redirectPort?: number;
}

export interface StartedTeamleaderAuth {
  authId: string;
  connectionId: string;
  authorizeUrl: string;
  redirectUri: string;
  opened: boolean;
  expiresAt: string;
}

export interface TeamleaderAuthOptions {
  registry: ConnectionRegistry;
  /** Opens the system browser; false where the host cannot (the renderer then opens the URL). */
  openExternal: (url: string) => Promise<boolean>;
  logger?: Logger;
  /** How long the loopback listener waits for the browser; default 5 minutes. */
  timeoutMs?: number;
  /** The UI's language, for the page the browser shows after the redirect; English without it. */
  language?: () => TextLanguage;
}

interface Flow {
  status: TeamleaderAuthStatus;
  done: Promise<TeamleaderAuthStatus>;
  cancel: () => Promise<void>;
}

/**
 * Teamleader's authorization code grant for a desktop app: the system browser opens the authorize
 * page (with `state` and PKCE S256), a one-time listener on 127.0.0.1 receives the code, the code is
 * exchanged, and only then are the client secret and tokens stored in the vault and the connection
 * saved (a flow that fails leaves nothing behind). Then `users.me` fills in the account.
 */
export class TeamleaderAuthFlows {
  private readonly flows = new Map<string, Flow>();
  private readonly logger: Logger;

  constructor(private readonly options: TeamleaderAuthOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  async start(input: StartTeamleaderAuthInput): Promise<StartedTeamleaderAuth> {
    const { registry } = this.options;
    const existing = input.id ? registry.store.find(input.id) : undefined;
    if (existing && existing.kind !== 'teamleader') {
      throw new KoppelError(
        'invalid_input',
        apiMessage('connectionWrongKind', { id: existing.id, kind: existing.kind, expected: 'Teamleader' }),
      );
    }
    if (existing) registry.requireLive(existing.id, 'reconnect');
    const connectionId = existing?.id ?? registry.store.newId('teamleader', input.id);
    const clientId = input.clientId ?? existing?.config.clientId;
    if (!clientId) throw new KoppelError('invalid_input', apiMessage('teamleaderClientIdRequired'));
    // Tokens will have to be stored: refuse before the user signs in when they could not be.
    await registry.vault.requireKeychain();
    const clientSecret =
      input.clientSecret ?? (existing ? await registry.vault.get(existing.id, 'clientSecret') : undefined);
    if (!clientSecret) throw new KoppelError('invalid_input', apiMessage('teamleaderClientSecretRequired'));
    const config = {
      apiBaseUrl: input.apiBaseUrl ?? existing?.config.apiBaseUrl ?? DEFAULT_API_BASE_URL,
      authBaseUrl: input.authBaseUrl ?? existing?.config.authBaseUrl ?? DEFAULT_AUTH_BASE_URL,
      clientId,
    };

    const timeoutMs = this.options.timeoutMs ?? 5 * 60_000;
    const state = createState();
    const { codeVerifier, codeChallenge } = createPkcePair();
    const listener = await startLoopbackListener({
      state,
      timeoutMs,
      ...(this.options.language ? { language: this.options.language } : {}),
      ...(input.redirectPort ? { port: input.redirectPort } : {}),
    }).catch((error: unknown) => {
      throw new KoppelError(
        'conflict',
        apiMessage('teamleaderRedirectPortBusy', {
          port: input.redirectPort ?? 0,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    });
    const authorizeUrl = buildAuthorizeUrl({
      authBaseUrl: config.authBaseUrl,
      clientId,
      redirectUri: listener.redirectUri,
      state,
      codeChallenge,
    });
    const authId = randomBytes(12).toString('base64url');
    const expiresAt = new Date(Date.now() + timeoutMs).toISOString();
    const status: TeamleaderAuthStatus = { authId, connectionId, state: 'pending' };

    const finish = async (): Promise<TeamleaderAuthStatus> => {
      try {
        const code = await listener.code;
        // Exchange with a throwaway store first: nothing reaches the vault until Teamleader said yes.
        const exchange = createTeamleaderClient({
          ...config,
          clientSecret,
          redirectUri: listener.redirectUri,
          tokenStore: createMemoryTokenStore(),
        });
        const tokens = await exchange.connect(code, codeVerifier);
        await registry.vault.set(connectionId, 'clientSecret', clientSecret);
        await createVaultTokenStore(registry.vault, connectionId).save(tokens);
        const now = new Date().toISOString();
        const connection: TeamleaderConnection = {
          id: connectionId,
          name: input.name ?? existing?.name ?? 'Teamleader',
          kind: 'teamleader',
          mode: 'live',
          status: 'connected',
          createdAt: existing?.createdAt ?? now,
          checkedAt: now,
          config,
        };
        registry.store.save(connection);
        registry.invalidate(connectionId);
        const tested = await testConnection(registry, connectionId);
        Object.assign(status, {
          state: tested.ok ? 'succeeded' : 'failed',
          connection: tested.connection,
          ...(tested.ok
            ? {}
            : { message: tested.error.message, ...(tested.error.text ? { text: tested.error.text } : {}) }),
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const text =
          error instanceof OAuthCallbackError || error instanceof KoppelError ? error.text : undefined;
        const expired = error instanceof OAuthCallbackError && error.reason === 'timeout';
        Object.assign(status, { state: expired ? 'expired' : 'failed', message, ...(text ? { text } : {}) });
        this.logger.warn('Teamleader authorisation did not complete', { connectionId, message });
      }
      // Keep the outcome a while for the screen to read, then forget the flow.
      setTimeout(() => this.flows.delete(authId), 10 * 60_000).unref();
      return status;
    };

    this.flows.set(authId, { status, done: finish(), cancel: () => listener.close() });
    const opened = await this.options.openExternal(authorizeUrl).catch(() => false);
    return { authId, connectionId, authorizeUrl, redirectUri: listener.redirectUri, opened, expiresAt };
  }

  /** Where a flow stands. */
  status(authId: string): TeamleaderAuthStatus {
    return { ...this.flow(authId).status };
  }

  /** Resolves when the flow succeeded, failed or expired. */
  async wait(authId: string): Promise<TeamleaderAuthStatus> {
    return { ...(await this.flow(authId).done) };
  }

  /** Stops every pending flow (at shutdown). */
  async dispose(): Promise<void> {
    await Promise.all([...this.flows.values()].map((flow) => flow.cancel()));
  }

  private flow(authId: string): Flow {
    const flow = this.flows.get(authId);
    if (!flow) throw new KoppelError('not_found', apiMessage('teamleaderAuthNotFound', { authId }));
    return flow;
  }
}

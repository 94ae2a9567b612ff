import { z } from 'zod';
import { defineCall } from '../define';
import { CodedText } from '../../flow/wording';
import { ApiErrorCode } from '../errors';
import { Connection, ConnectionId, CredentialState } from '../../connections/connection';
import { SandboxSize } from '../../settings/settings';

/**
 * A connection as the renderer sees it: metadata, status and account information, and where its
 * credentials are. Never a secret (a test checks every output of these calls).
 */
export const ConnectionView = z.intersection(Connection, z.object({ credentials: CredentialState }));
export type ConnectionView = z.infer<typeof ConnectionView>;

export const ConnectionTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), connection: ConnectionView }),
  z.object({
    ok: z.literal(false),
    connection: ConnectionView,
    /** `connection_failed` with the API's own message, or `keychain_unavailable` / `not_found`. */
    error: z.object({
      code: ApiErrorCode,
      message: z.string(),
      /** The message as a code when Koppel said it (not the API), for the UI's language. */
      text: CodedText.optional(),
    }),
  }),
]);
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

export const KeychainStatus = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true) }),
  z.object({
    available: z.literal(false),
    message: z.string(),
    hint: z.string(),
    /** `message` and `hint` as codes, for the UI's language. */
    text: CodedText.optional(),
    hintText: CodedText.optional(),
  }),
]);
export type KeychainStatus = z.infer<typeof KeychainStatus>;

export const TeamleaderAuthState = z.enum(['pending', 'succeeded', 'failed', 'expired']);
export type TeamleaderAuthState = z.infer<typeof TeamleaderAuthState>;

export const TeamleaderAuthStatus = z.object({
  authId: z.string(),
  connectionId: ConnectionId,
  state: TeamleaderAuthState,
  /** Set once the flow succeeded. */
  connection: ConnectionView.optional(),
  /** Why it failed, in Teamleader's words where it gave any. */
  message: z.string().optional(),
  /** `message` as a code when Koppel said it, for the UI's language. */
  text: CodedText.optional(),
});
export type TeamleaderAuthStatus = z.infer<typeof TeamleaderAuthStatus>;

const HttpUrl = z.url({ protocol: /^https?$/ });
const ById = z.object({ id: ConnectionId }).strict();

export const SandboxStatus = z.object({
  enabled: z.boolean(),
  running: z.boolean(),
  /** `process`: started by this Koppel process; `shared`: another process's (`koppel sandbox`). */
  owner: z.enum(['process', 'shared']).optional(),
  seed: z.number().int(),
  size: SandboxSize,
  teamleader: z.object({ apiUrl: z.string(), authUrl: z.string(), adminUrl: z.string() }).optional(),
  mplus: z.object({ url: z.string(), adminUrl: z.string() }).optional(),
});
export type SandboxStatus = z.infer<typeof SandboxStatus>;

export const connectionsCalls = {
  'connections.list': defineCall(
    z.object({}).strict(),
    z.object({ connections: z.array(ConnectionView) }),
    'Every connection: name, kind, mode, status and account; never a secret.',
  ),
  'connections.get': defineCall(ById, ConnectionView, 'One connection by id.'),
  'connections.test': defineCall(
    ById,
    ConnectionTestResult,
    'Calls the system (Teamleader users.me, MplusKASSA getApiVersion + getLicenseInformation) and records the account.',
  ),
  'connections.saveMplus': defineCall(
    z
      .object({
        /** Absent: a new connection. */
        id: ConnectionId.optional(),
        name: z.string().min(1).max(100).optional(),
        host: z.string().trim().min(1),
        port: z.number().int().min(1).max(65535),
        /** Write-only. May be left out when updating, or when a KOPPEL_SECRET_* variable supplies it. */
        ident: z.string().min(1).optional(),
        secret: z.string().min(1).optional(),
      })
      .strict(),
    ConnectionView,
    'Creates or updates a MplusKASSA connection; ident and secret go to the OS keychain.',
  ),
  'connections.startTeamleaderAuth': defineCall(
    z
      .object({
        /** Absent: a new connection. Present: reconnect it. */
        id: ConnectionId.optional(),
        name: z.string().min(1).max(100).optional(),
        clientId: z.string().min(1).optional(),
        /** Write-only; may be left out when reconnecting. */
        clientSecret: z.string().min(1).optional(),
        apiBaseUrl: HttpUrl.optional(),
        authBaseUrl: HttpUrl.optional(),
        /** Fixed loopback port, for an integration whose redirect URI was registered with one. */
        redirectPort: z.number().int().min(1).max(65535).optional(),
      })
      .strict(),
    z.object({
      authId: z.string(),
      connectionId: ConnectionId,
      authorizeUrl: z.string(),
      redirectUri: z.string(),
      /** False where the host cannot open a browser (web host): the renderer opens `authorizeUrl`. */
      opened: z.boolean(),
      expiresAt: z.string(),
    }),
    'Starts Teamleader OAuth (state + PKCE) with a one-time listener on 127.0.0.1 for the redirect.',
  ),
  'connections.teamleaderAuthStatus': defineCall(
    z.object({ authId: z.string() }).strict(),
    TeamleaderAuthStatus,
    'Where a Teamleader authorisation started with startTeamleaderAuth stands.',
  ),
  'connections.disconnect': defineCall(
    ById,
    ConnectionView,
    'Deletes the secrets of a connection; keeps its settings.',
  ),
  'connections.delete': defineCall(
    ById,
    z.object({ deleted: z.literal(true) }),
    'Deletes a connection and its secrets.',
  ),
  'connections.keychainStatus': defineCall(
    z.object({}).strict(),
    KeychainStatus,
    'Whether the OS keychain can store secrets (a real round trip), and what to do if not.',
  ),
} as const;

export const sandboxCalls = {
  'sandbox.status': defineCall(
    z.object({}).strict(),
    SandboxStatus,
    'Whether the built-in twins run, and where.',
  ),
  'sandbox.reset': defineCall(
    z.object({}).strict(),
    SandboxStatus,
    'Puts the sandbox data back to its seeded state (starting the sandbox if needed).',
  ),
  'sandbox.apply': defineCall(
    z.object({}).strict(),
    SandboxStatus,
    "Restarts this process's sandbox with the seed and size the settings ask for (not while runs are in progress).",
  ),
} as const;

import { z } from 'zod';
import { CodedText } from '../flow/wording';

/** Which system a connection talks to. */
export const ConnectionKind = z.enum(['teamleader', 'mplus']);
export type ConnectionKind = z.infer<typeof ConnectionKind>;

/** `live`: a real account the user connected; `sandbox`: one of the built-in twins. */
export const ConnectionMode = z.enum(['live', 'sandbox']);
export type ConnectionMode = z.infer<typeof ConnectionMode>;

/**
 * `new`: saved, never tested; `connected`: the last test or authorisation succeeded; `needs_auth`:
 * credentials are missing or were refused (reconnect); `error`: the system answered with an error
 * or could not be reached (see `statusMessage`).
 */
export const ConnectionStatus = z.enum(['new', 'connected', 'needs_auth', 'error']);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

/** Lower-case letters, digits and dashes; also names the `KOPPEL_SECRET_<ID>_<FIELD>` variables. */
export const ConnectionId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    'use 1–40 lower-case letters, digits and dashes, starting with a letter or digit',
  );
export type ConnectionId = z.infer<typeof ConnectionId>;

const HttpUrl = z.url({ protocol: /^https?$/ });

/** Non-secret Teamleader settings; the client secret and tokens live in the vault. */
export const TeamleaderConfig = z.object({
  /** `https://api.focus.teamleader.eu` for the real API. */
  apiBaseUrl: HttpUrl,
  /** `https://focus.teamleader.eu` (authorize and token endpoints) for the real API. */
  authBaseUrl: HttpUrl,
  clientId: z.string().min(1),
});
export type TeamleaderConfig = z.infer<typeof TeamleaderConfig>;

/** Non-secret MplusKASSA settings; ident and secret live in the vault. */
export const MplusConfig = z.object({
  /** As the customer was given it: `api.mpluskassa.nl`, or with a scheme (`http://127.0.0.1`). */
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  /** The endpoint derived from host and port, e.g. `https://api.mpluskassa.nl:44281/`. */
  url: HttpUrl,
});
export type MplusConfig = z.infer<typeof MplusConfig>;

/** Who the Teamleader connection acts as, from `users.me`. */
export const TeamleaderAccount = z.object({
  accountId: z.string().optional(),
  companyName: z.string().optional(),
  userId: z.string().optional(),
  userName: z.string().optional(),
  userEmail: z.string().optional(),
});
export type TeamleaderAccount = z.infer<typeof TeamleaderAccount>;

/** What the MplusKASSA server says about itself (`getApiVersion`, `getLicenseInformation`). */
export const MplusAccount = z.object({
  /** `major.minor.revision` of the API. */
  apiVersion: z.string().optional(),
  /** The server's own version text (`serviceVersionDisplayString`), e.g. `67.1.3`. */
  serviceVersion: z.string().optional(),
  /** The licensee (`getLicenseInformation`); absent when the API user may not ask for it. */
  companyName: z.string().optional(),
  /** The licensee's city (`getLicenseInformation`). */
  city: z.string().optional(),
});
export type MplusAccount = z.infer<typeof MplusAccount>;

const ConnectionCommon = {
  id: ConnectionId,
  name: z.string().min(1).max(100),
  mode: ConnectionMode,
  status: ConnectionStatus.default('new'),
  /** The API's own words for the last failure (never a secret). */
  statusMessage: z.string().optional(),
  /** `statusMessage` as a code when Koppel said it, for the UI's language. */
  statusText: CodedText.optional(),
  /** ISO time of the last test or authorisation. */
  checkedAt: z.string().optional(),
  createdAt: z.string(),
};

/** A connection as stored in settings: metadata only, never a secret. */
export const Connection = z.discriminatedUnion('kind', [
  z.object({
    ...ConnectionCommon,
    kind: z.literal('teamleader'),
    config: TeamleaderConfig,
    account: TeamleaderAccount.optional(),
  }),
  z.object({
    ...ConnectionCommon,
    kind: z.literal('mplus'),
    config: MplusConfig,
    account: MplusAccount.optional(),
  }),
]);
export type Connection = z.infer<typeof Connection>;
export type TeamleaderConnection = Extract<Connection, { kind: 'teamleader' }>;
export type MplusConnection = Extract<Connection, { kind: 'mplus' }>;

/** Where a connection's secrets are: all in the keychain, supplied by environment variables, or missing. */
export const CredentialState = z.enum(['stored', 'environment', 'missing', 'sandbox']);
export type CredentialState = z.infer<typeof CredentialState>;

/**
 * Helpers for tests that need a connected Teamleader client against the twin, without a browser.
 */
import { createTeamleaderClient, type TeamleaderClient, type TeamleaderClientOptions } from '../client';
import { createPkcePair, exchangeCode } from '../oauth';
import { createMemoryTokenStore, type TeamleaderTokenStore, type TeamleaderTokens } from '../tokens';
import type { TeamleaderTwin } from './twin';

export const TEST_REDIRECT_URI = 'http://127.0.0.1:65535/callback';

/** `POST /_sandbox/authorize`: a code exactly as if the user had clicked Approve. */
export async function authorizeOnTwin(
  twin: Pick<TeamleaderTwin, 'adminUrl' | 'clientId'>,
  options: { redirectUri?: string; state?: string; codeChallenge?: string } = {},
): Promise<string> {
  const response = await fetch(`${twin.adminUrl}/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_id: twin.clientId,
      redirect_uri: options.redirectUri ?? TEST_REDIRECT_URI,
      ...(options.state ? { state: options.state } : {}),
      ...(options.codeChallenge
        ? { code_challenge: options.codeChallenge, code_challenge_method: 'S256' }
        : {}),
    }),
  });
  const body: unknown = await response.json();
  if (
    !response.ok ||
    typeof body !== 'object' ||
    body === null ||
    !('code' in body) ||
    typeof body.code !== 'string'
  ) {
    throw new Error(`The twin refused to authorize: ${JSON.stringify(body)}`);
  }
  return body.code;
}

/** Tokens for the twin via the sandbox shortcut and a PKCE code exchange. */
export async function twinTokens(twin: TeamleaderTwin): Promise<TeamleaderTokens> {
  const { codeVerifier, codeChallenge } = createPkcePair();
  const code = await authorizeOnTwin(twin, { codeChallenge });
  return exchangeCode({
    authBaseUrl: twin.authUrl,
    clientId: twin.clientId,
    clientSecret: twin.clientSecret,
    code,
    redirectUri: TEST_REDIRECT_URI,
    codeVerifier,
  });
}

/** A client connected to the twin, with its tokens in memory. */
export async function connectTwinClient(
  twin: TeamleaderTwin,
  options: Partial<TeamleaderClientOptions> = {},
): Promise<{
  client: TeamleaderClient;
  tokenStore: TeamleaderTokenStore & { saved: readonly TeamleaderTokens[] };
}> {
  const tokenStore = createMemoryTokenStore(await twinTokens(twin));
  const client = createTeamleaderClient({
    apiBaseUrl: twin.apiUrl,
    authBaseUrl: twin.authUrl,
    clientId: twin.clientId,
    clientSecret: twin.clientSecret,
    redirectUri: TEST_REDIRECT_URI,
    retryBaseDelayMs: 5,
    ...options,
    tokenStore,
  });
  return { client, tokenStore };
}

/** Calls the twin's admin API (`/_sandbox/...`) and returns its JSON answer. */
export async function twinAdmin(
  twin: Pick<TeamleaderTwin, 'adminUrl'>,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${twin.adminUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** How many times the twin has answered `operation` so far (`GET /_sandbox/stats`). */
export async function twinCalls(twin: TeamleaderTwin, operation: string): Promise<number> {
  const stats = await twinAdmin(twin, '/stats');
  const calls = typeof stats === 'object' && stats !== null && 'calls' in stats ? stats.calls : {};
  const value: unknown =
    typeof calls === 'object' && calls !== null
      ? Object.getOwnPropertyDescriptor(calls, operation)?.value
      : 0;
  return typeof value === 'number' ? value : 0;
}

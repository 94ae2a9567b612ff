import crypto from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import { TeamleaderAuthError, TeamleaderTransientError, type TeamleaderApiError } from './errors';
import type { TeamleaderTokens } from './tokens';

export const DEFAULT_API_BASE_URL = 'https://api.focus.teamleader.eu';
export const DEFAULT_AUTH_BASE_URL = 'https://focus.teamleader.eu';
const TOKEN_ENDPOINT = 'oauth2/access_token';

export interface AuthorizeUrlOptions {
  authBaseUrl?: string;
  clientId: string;
  redirectUri: string;
  state: string;
  /** PKCE S256 challenge (see createPkcePair). Teamleader ignores it; the twin verifies it. */
  codeChallenge?: string;
}

/** The URL to open in the user's browser to start the authorization code grant. */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
  const url = new URL('/oauth2/authorize', options.authBaseUrl ?? DEFAULT_AUTH_BASE_URL);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('state', options.state);
  if (options.codeChallenge) {
    url.searchParams.set('code_challenge', options.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

/** A PKCE verifier (43 URL-safe characters) and its S256 challenge. */
export function createPkcePair(): { codeVerifier: string; codeChallenge: string } {
  const codeVerifier = crypto.randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: pkceChallenge(codeVerifier) };
}

export function pkceChallenge(codeVerifier: string): string {
  return crypto.createHash('sha256').update(codeVerifier).digest('base64url');
}

interface TokenRequestBase {
  authBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Lets the client reuse its keep-alive HTTP agent. */
  http?: AxiosInstance;
  now?: () => number;
}

export interface ExchangeCodeOptions extends TokenRequestBase {
  code: string;
  redirectUri: string;
  codeVerifier?: string;
}

export interface RefreshTokensOptions extends TokenRequestBase {
  refreshToken: string;
}

const TokenResponse = z.object({
  token_type: z.string(),
  expires_in: z.number().positive(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
});
const OAuthErrorBody = z.object({ error: z.string(), error_description: z.string().optional() });

/** Trades an authorization code (plus the PKCE verifier when one was sent) for tokens. */
export function exchangeCode(options: ExchangeCodeOptions): Promise<TeamleaderTokens> {
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code: options.code,
    redirect_uri: options.redirectUri,
  };
  if (options.codeVerifier) form.code_verifier = options.codeVerifier;
  return requestTokens(options, form);
}

/**
 * Trades a refresh token for new tokens. Refresh tokens are single-use: the old one is dead once this
 * succeeds, so the caller must store the result before doing anything else.
 */
export function refreshTokens(options: RefreshTokensOptions): Promise<TeamleaderTokens> {
  return requestTokens(options, { grant_type: 'refresh_token', refresh_token: options.refreshToken });
}

async function requestTokens(
  options: TokenRequestBase,
  form: Record<string, string>,
): Promise<TeamleaderTokens> {
  const http = options.http ?? axios.create();
  const url = new URL(`/${TOKEN_ENDPOINT}`, options.authBaseUrl ?? DEFAULT_AUTH_BASE_URL).toString();
  const body = new URLSearchParams({
    ...form,
    client_id: options.clientId,
    client_secret: options.clientSecret,
  });
  let status: number;
  let text: string;
  try {
    const response = await http.post<string>(url, body.toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      timeout: options.timeoutMs ?? 30_000,
      signal: options.signal,
      responseType: 'text',
      transformResponse: (data: unknown) => data,
      validateStatus: () => true,
    });
    status = response.status;
    text = typeof response.data === 'string' ? response.data : '';
  } catch (cause) {
    if (options.signal?.aborted) throw options.signal.reason;
    throw new TeamleaderTransientError({
      endpoint: TOKEN_ENDPOINT,
      title: `No answer from the token endpoint (${describeNetworkError(cause)})`,
      titleNl: `Geen antwoord van het token-endpoint (${describeNetworkError(cause, 'nl')})`,
      maybeApplied: form.grant_type === 'refresh_token',
      cause,
    });
  }
  const json = parseJson(text);
  if (status >= 200 && status < 300) {
    const parsed = TokenResponse.safeParse(json);
    if (!parsed.success) {
      throw new TeamleaderTransientError({
        endpoint: TOKEN_ENDPOINT,
        status,
        title: 'The token endpoint answered without valid tokens',
        titleNl: 'Het token-endpoint antwoordde zonder geldige tokens',
        maybeApplied: form.grant_type === 'refresh_token',
      });
    }
    const now = options.now?.() ?? Date.now();
    return {
      access_token: parsed.data.access_token,
      refresh_token: parsed.data.refresh_token,
      expires_at: new Date(now + parsed.data.expires_in * 1000).toISOString(),
    };
  }
  throw tokenEndpointError(status, json);
}

function tokenEndpointError(status: number, json: unknown): TeamleaderApiError {
  const oauth = OAuthErrorBody.safeParse(json);
  const title = oauth.success
    ? `${oauth.data.error}${oauth.data.error_description ? `: ${oauth.data.error_description}` : ''}`
    : `Token endpoint refused the request (HTTP ${status})`;
  if (status >= 500 || status === 429) {
    return new TeamleaderTransientError({ endpoint: TOKEN_ENDPOINT, status, title });
  }
  return new TeamleaderAuthError({
    endpoint: TOKEN_ENDPOINT,
    status,
    title,
    ...(oauth.success ? { oauthError: oauth.data.error } : {}),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What went wrong on the way, in `language` where the words are Koppel's (Node's stay as they are). */
export function describeNetworkError(cause: unknown, language: 'en' | 'nl' = 'en'): string {
  if (axios.isAxiosError(cause)) {
    if (cause.code === 'ECONNABORTED' || cause.code === 'ETIMEDOUT') {
      return language === 'nl' ? 'time-out' : 'timed out';
    }
    return cause.code ? `${cause.code}: ${cause.message}` : cause.message;
  }
  return cause instanceof Error ? cause.message : String(cause);
}

import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pkceChallenge } from '../oauth';
import { removeKey } from './context';
import { escapeHtml, parseFields, readBody, sendHtml, sendJson } from './http-util';
import type { TwinState } from './state';

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
}

const CODE_TTL_MS = 10 * 60_000;

const secret = (prefix: string): string => `${prefix}${crypto.randomBytes(24).toString('base64url')}`;

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string | undefined;
}

/**
 * Teamleader's authorization server, on the twin's port: the consent page, the code grant (with
 * optional PKCE S256, which the twin verifies when a challenge was sent), rotating single-use
 * refresh tokens, and access tokens that expire after `tokenTtlSeconds`.
 */
export class OAuthServer {
  constructor(
    private readonly state: () => TwinState,
    private readonly config: OAuthConfig,
    private readonly now: () => number,
    private readonly changed: () => void,
  ) {}

  /** Checks the query of `/oauth2/authorize`; a string is the reason it is refused. */
  private parseAuthorize(fields: Record<string, string | undefined>): AuthorizeRequest | string {
    if (fields.client_id !== this.config.clientId) return 'Unknown client_id';
    if (fields.response_type !== undefined && fields.response_type !== 'code')
      return 'response_type must be code';
    const redirectUri = fields.redirect_uri;
    if (!redirectUri || !/^https?:\/\//.test(redirectUri) || !URL.canParse(redirectUri)) {
      return 'redirect_uri must be an absolute http(s) URL';
    }
    if (fields.code_challenge && (fields.code_challenge_method ?? 'S256') !== 'S256') {
      return 'Only the S256 code_challenge_method is supported';
    }
    return {
      clientId: fields.client_id,
      redirectUri,
      state: fields.state,
      codeChallenge: fields.code_challenge || undefined,
    };
  }

  /** GET /oauth2/authorize: the "Authorize Koppel" consent page. */
  authorizePage(res: ServerResponse, query: URLSearchParams): void {
    const request = this.parseAuthorize(Object.fromEntries(query));
    if (typeof request === 'string') {
      sendHtml(res, 400, page('Authorization failed', `<p role="alert">${escapeHtml(request)}</p>`));
      return;
    }
    const hidden = Object.entries({
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
      state: request.state ?? '',
      code_challenge: request.codeChallenge ?? '',
    })
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
      .join('');
    const host = escapeHtml(new URL(request.redirectUri).host);
    sendHtml(
      res,
      200,
      page(
        'Authorize Koppel',
        `<h1>Authorize Koppel</h1>
<p>Koppel wants to read and write the contacts, companies, products, deals, quotations and invoices of
your Teamleader Focus account (sandbox). You will be sent back to <strong>${host}</strong>.</p>
<form method="post" action="/oauth2/authorize">${hidden}
<button type="submit" name="decision" value="approve" data-testid="authorize-approve">Approve</button>
<button type="submit" name="decision" value="deny" data-testid="authorize-deny">Deny</button>
</form>`,
      ),
    );
  }

  /** POST /oauth2/authorize: the user's click; redirects back with `code` and `state`. */
  async authorizeDecision(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fields = parseFields(req.headers['content-type'], await readBody(req)) ?? {};
    const request = this.parseAuthorize({ ...fields, response_type: 'code' });
    if (typeof request === 'string') {
      sendHtml(res, 400, page('Authorization failed', `<p role="alert">${escapeHtml(request)}</p>`));
      return;
    }
    const target = new URL(request.redirectUri);
    if (fields.decision === 'approve') target.searchParams.set('code', this.issueCode(request));
    else target.searchParams.set('error', 'access_denied');
    if (request.state) target.searchParams.set('state', request.state);
    res.writeHead(302, { Location: target.toString() });
    res.end();
  }

  /** POST /_sandbox/authorize: the same as clicking Approve, for headless connecting. */
  sandboxAuthorize(
    fields: Record<string, string | undefined>,
  ): { code: string; state: string | null } | string {
    const request = this.parseAuthorize({ ...fields, response_type: 'code' });
    if (typeof request === 'string') return request;
    return { code: this.issueCode(request), state: request.state ?? null };
  }

  private issueCode(request: AuthorizeRequest): string {
    const code = secret('code_');
    this.state().auth.codes[code] = {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      ...(request.codeChallenge ? { codeChallenge: request.codeChallenge } : {}),
      expiresAt: this.now() + CODE_TTL_MS,
    };
    this.changed();
    return code;
  }

  /** POST /oauth2/access_token (form or JSON): `authorization_code` and `refresh_token` grants. */
  async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fields = parseFields(req.headers['content-type'], await readBody(req));
    if (!fields) return oauthError(res, 400, 'invalid_request', 'The body must be form-encoded or JSON');
    if (fields.client_id !== this.config.clientId || fields.client_secret !== this.config.clientSecret) {
      return oauthError(res, 401, 'invalid_client', 'Client authentication failed');
    }
    const auth = this.state().auth;
    if (fields.grant_type === 'authorization_code') {
      const grant = fields.code ? auth.codes[fields.code] : undefined;
      if (!fields.code || !grant)
        return oauthError(res, 400, 'invalid_grant', 'The authorization code is invalid or was used');
      removeKey(auth.codes, fields.code);
      this.changed();
      if (grant.expiresAt < this.now())
        return oauthError(res, 400, 'invalid_grant', 'The authorization code has expired');
      if (grant.clientId !== fields.client_id)
        return oauthError(res, 400, 'invalid_grant', 'The code was issued to another client');
      if (grant.redirectUri !== fields.redirect_uri) {
        return oauthError(res, 400, 'invalid_grant', 'redirect_uri does not match the authorization request');
      }
      if (grant.codeChallenge) {
        if (!fields.code_verifier)
          return oauthError(res, 400, 'invalid_grant', 'code_verifier is required (PKCE)');
        if (pkceChallenge(fields.code_verifier) !== grant.codeChallenge) {
          return oauthError(res, 400, 'invalid_grant', 'code_verifier does not match the code_challenge');
        }
      }
      return sendJson(res, 200, this.issueTokens(fields.client_id), { 'Cache-Control': 'no-store' });
    }
    if (fields.grant_type === 'refresh_token') {
      const owner = fields.refresh_token ? auth.refreshTokens[fields.refresh_token] : undefined;
      if (!fields.refresh_token || owner !== fields.client_id) {
        return oauthError(res, 400, 'invalid_grant', 'The refresh token is invalid or was already used');
      }
      removeKey(auth.refreshTokens, fields.refresh_token);
      return sendJson(res, 200, this.issueTokens(fields.client_id), { 'Cache-Control': 'no-store' });
    }
    return oauthError(
      res,
      400,
      'unsupported_grant_type',
      'grant_type must be authorization_code or refresh_token',
    );
  }

  private issueTokens(clientId: string) {
    const auth = this.state().auth;
    const now = this.now();
    for (const [token, grant] of Object.entries(auth.accessTokens)) {
      if (grant.expiresAt <= now) removeKey(auth.accessTokens, token);
    }
    const accessToken = secret('at_');
    const refreshToken = secret('rt_');
    auth.accessTokens[accessToken] = { clientId, expiresAt: now + this.config.tokenTtlSeconds * 1000 };
    auth.refreshTokens[refreshToken] = clientId;
    this.changed();
    return {
      token_type: 'Bearer',
      expires_in: this.config.tokenTtlSeconds,
      access_token: accessToken,
      refresh_token: refreshToken,
    };
  }

  /**
   * The client id behind `Authorization: Bearer …`, or why the request is refused (with the client
   * id when the token was that integration's and has expired).
   */
  authenticate(header: string | undefined): { clientId: string } | { refused: string; clientId?: string } {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match?.[1]) return { refused: 'Missing access token' };
    const grant = this.state().auth.accessTokens[match[1]];
    if (!grant) return { refused: 'Invalid access token' };
    if (grant.expiresAt <= this.now())
      return { refused: 'The access token has expired', clientId: grant.clientId };
    return { clientId: grant.clientId };
  }

  /** Fault `expireTokens`: every access token issued so far stops working now. */
  expireAccessTokens(): void {
    this.state().auth.accessTokens = {};
    this.changed();
  }
}

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d2433}
button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.6rem;border-radius:6px;border:1px solid #8a94a6;cursor:pointer}
button[value=approve]{background:#0b6bcb;color:#fff;border-color:#0b6bcb}</style></head>
<body data-app="teamleader-twin">${body}</body></html>`;
}

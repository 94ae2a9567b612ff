import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';

export { SANDBOX_MPLUS_ID, SANDBOX_TEAMLEADER_ID } from '../../shared/connections/connection-check';

/** Ids starting with this belong to the sandbox; live connections may not use them. */
export const SANDBOX_ID_PREFIX = 'sandbox-';

/** Vault fields of a MplusKASSA connection. */
export const MPLUS_SECRET_FIELDS = ['ident', 'secret'] as const;

/**
 * The SOAP endpoint for a host and port as MplusKASSA hands them out: `api.mpluskassa.nl` + 44281 →
 * `https://api.mpluskassa.nl:44281/` (https unless the host names another scheme, as the official
 * clients do).
 */
export function mplusUrl(host: string, port: number): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new KoppelError('invalid_input', apiMessage('mplusHostInvalid', { host }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new KoppelError('invalid_input', apiMessage('mplusHostScheme', { host }));
  }
  url.port = String(port);
  if (url.pathname === '') url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** Every occurrence of each secret in `text` replaced by `***`: error texts may quote a URL with `?secret=`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 3) {
      out = out.split(secret).join('***').split(encodeURIComponent(secret)).join('***');
    }
  }
  return out;
}

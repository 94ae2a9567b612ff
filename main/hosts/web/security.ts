import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh random token per server start; it travels in the URL the server prints. */
export function createSessionToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/**
 * A token the user chose to keep across restarts (KOPPEL_SERVE_TOKEN: a service's address and
 * bookmarks stay valid, and open pages reconnect by themselves): as hard to guess as a fresh one.
 * Returns why it cannot be used, or null.
 */
export function chosenTokenProblem(token: string): string | null {
  if (/^[A-Za-z0-9_-]{32,}$/.test(token)) return null;
  return 'KOPPEL_SERVE_TOKEN must be at least 32 letters, digits, "-" or "_" (for example the output of: node -e "console.log(require(\'crypto\').randomBytes(24).toString(\'base64url\'))").';
}

export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The Host values a loopback server accepts: anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has(String(req.headers.host ?? '').toLowerCase());
}

/** Browsers always send Origin on WebSocket upgrades; a foreign one is another site's page. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser (a script with the token)
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The Content-Security-Policy of the web host; the desktop shell (no port, no WebSocket) uses the same rules. */
export function contentSecurityPolicy(port?: number): string {
  const sockets = port === undefined ? '' : ` ws://127.0.0.1:${port} ws://localhost:${port}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    // Monaco and React Flow set inline styles; without this the editor loses its colours.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

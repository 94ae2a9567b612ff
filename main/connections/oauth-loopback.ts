import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiMessage, englishApiMessage } from '../../shared/api/api-messages';
import { wording, type CodedText, type TextLanguage } from '../../shared/flow/wording';

/** A random `state` for one authorisation (CSRF protection: the callback must echo it). */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}

export class OAuthCallbackError extends Error {
  constructor(
    /** The message as a code, for the UI's language. */
    readonly text: CodedText,
    readonly reason: 'denied' | 'timeout' | 'cancelled',
  ) {
    super(englishApiMessage(text));
    this.name = 'OAuthCallbackError';
  }
}

export interface LoopbackListener {
  /** `http://127.0.0.1:<port>/callback`. */
  readonly redirectUri: string;
  /** Resolves with the code of the first callback carrying the expected state; the listener then closes. */
  readonly code: Promise<string>;
  /** Stops waiting (the pending `code` rejects with reason `cancelled`). */
  close(): Promise<void>;
}

export interface LoopbackOptions {
  /** The `state` sent with the authorize request; callbacks with another state are refused. */
  state: string;
  /** 0 (any free port) unless the integration registered a fixed one. */
  port?: number;
  timeoutMs: number;
  /** The UI's language, read when the browser arrives: the page it shows is worded in it. */
  language?: () => TextLanguage;
}

const CALLBACK_PATH = '/callback';

/** What the browser shows after Teamleader's redirect. */
const PAGE_WORDS = {
  wrongState: wording<Record<string, never>>(
    () => 'This sign-in link is not the one Koppel is waiting for. Start again from Koppel.',
    () => 'Dit aanmeldadres is niet het adres waarop Koppel wacht. Begin opnieuw vanuit Koppel.',
  ),
  denied: wording<Record<string, never>>(
    () => 'Teamleader did not grant access. You can close this window and try again in Koppel.',
    () =>
      'Teamleader heeft geen toegang gegeven. U kunt dit venster sluiten en het opnieuw proberen in Koppel.',
  ),
  connected: wording<Record<string, never>>(
    () => 'Koppel is connected to Teamleader. You can close this window.',
    () => 'Koppel is verbonden met Teamleader. U kunt dit venster sluiten.',
  ),
};

/**
 * A one-time HTTP listener on 127.0.0.1 for the OAuth redirect. It answers the browser with a short
 * page, accepts exactly one callback with the right state, and closes after it or after the timeout.
 */
export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  let settle: { resolve: (code: string) => void; reject: (error: Error) => void } | undefined;
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be awaiting yet; the rejection is still delivered to whoever awaits later.
  code.catch(() => undefined);

  const server = http.createServer((req, res) => {
    const language = options.language?.() ?? 'en';
    const say = (status: number, words: keyof typeof PAGE_WORDS) =>
      page(res, status, language, PAGE_WORDS[words][language]({}));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.');
      return;
    }
    if (url.searchParams.get('state') !== options.state) {
      // Not our authorisation (or a forged one): refuse it and keep waiting for the real redirect.
      say(400, 'wrongState');
      return;
    }
    const error = url.searchParams.get('error');
    const received = url.searchParams.get('code');
    if (error || !received) {
      const description = url.searchParams.get('error_description');
      say(400, 'denied');
      finish(() => settle?.reject(new OAuthCallbackError(describeError(error, description), 'denied')));
      return;
    }
    say(200, 'connected');
    finish(() => settle?.resolve(received));
  });

  let finished = false;
  const timer = setTimeout(() => {
    finish(() =>
      settle?.reject(
        new OAuthCallbackError(
          apiMessage('teamleaderNoAnswer', { seconds: Math.round(options.timeoutMs / 1000) }),
          'timeout',
        ),
      ),
    );
  }, options.timeoutMs);
  timer.unref();

  function finish(outcome: () => void): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    outcome();
    server.close();
    server.closeAllConnections();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    code,
    async close() {
      finish(() =>
        settle?.reject(new OAuthCallbackError(apiMessage('teamleaderSignInCancelled'), 'cancelled')),
      );
    },
  };
}

function describeError(error: string | null, description: string | null): CodedText {
  if (error === 'access_denied') return apiMessage('teamleaderAccessRefused');
  const what = [error, description].filter(Boolean).join(': ');
  return apiMessage('teamleaderAuthorisationError', { what: what || undefined });
}

function page(res: http.ServerResponse, status: number, language: TextLanguage, message: string): void {
  const html =
    `<!doctype html><html lang="${language}"><meta charset="utf-8"><title>Koppel</title>` +
    `<body style="font-family:sans-serif;margin:3rem"><p>${message}</p></body>`;
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    })
    .end(html);
}

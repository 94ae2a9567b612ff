import {
  createMemoryTokenStore,
  createPkcePair,
  exchangeCode,
  type TeamleaderTokenStore,
} from '../connectors/teamleader';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { SandboxEndpoints } from '../connections/registry';
import type { SandboxRecord } from './sandbox-record';
import { SANDBOX_CREDENTIALS, type SandboxInfo, type SandboxSize } from './sandbox-types';

// Never called: the sandbox shortcut hands the code back directly instead of redirecting.
const SANDBOX_REDIRECT_URI = 'http://127.0.0.1/koppel-sandbox-callback';

/**
 * Connects to the Teamleader twin without a browser: `POST /_sandbox/authorize` (the same as
 * clicking Approve, with PKCE), then the normal code exchange. The tokens stay in memory.
 */
export async function connectSandboxTeamleader(
  info: SandboxInfo['teamleader'],
): Promise<TeamleaderTokenStore> {
  const { codeVerifier, codeChallenge } = createPkcePair();
  const answer = await postJson(`${info.adminUrl}/authorize`, {
    client_id: info.clientId,
    redirect_uri: SANDBOX_REDIRECT_URI,
    state: 'sandbox',
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  });
  const code = typeof answer === 'object' && answer !== null && 'code' in answer ? answer.code : undefined;
  if (typeof code !== 'string')
    throw new Error('The Teamleader twin did not hand out an authorization code.');
  const tokens = await exchangeCode({
    authBaseUrl: info.authUrl,
    clientId: info.clientId,
    clientSecret: info.clientSecret,
    code,
    redirectUri: SANDBOX_REDIRECT_URI,
    codeVerifier,
  });
  return createMemoryTokenStore(tokens);
}

/** Puts both twins' data back to a seed (Teamleader keeps its connections). */
export async function resetTwins(info: SandboxInfo, seed: number, size: SandboxSize): Promise<void> {
  await Promise.all([
    postJson(`${info.teamleader.adminUrl}/reset`, { seed, size }),
    postJson(`${info.mplus.adminUrl}/reset`, { seed, size }),
  ]);
}

type Probe = 'up' | 'down' | 'busy';

async function probe(url: string): Promise<Probe> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_500) });
    await response.body?.cancel();
    return response.ok ? 'up' : 'down';
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'busy' : 'down';
  }
}

/**
 * True when both recorded twins answer their admin API; false when a port refuses (the process is
 * gone, or its pid was reused). A twin that is alive but slow (busy starting up on a loaded machine)
 * is waited for: starting a second copy on the same state files would corrupt them.
 */
export async function sandboxAnswers(
  record: Pick<SandboxRecord, 'pid' | 'teamleader' | 'mplus'>,
  waitMs = 30_000,
): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const probes = await Promise.all([probe(record.teamleader.adminUrl), probe(record.mplus.adminUrl)]);
    if (probes.every((p) => p === 'up')) return true;
    if (probes.includes('down')) return false;
    if (Date.now() > deadline) {
      throw new KoppelError(
        'unavailable',
        apiMessage('sandboxNotAnswering', {
          pid: record.pid,
          teamleaderUrl: record.teamleader.apiUrl,
          mplusUrl: record.mplus.url,
        }),
      );
    }
  }
}

/** The full info of a recorded sandbox: its addresses plus the fixed credentials. */
export function infoFromRecord(record: SandboxRecord): SandboxInfo {
  return {
    teamleader: { ...record.teamleader, ...SANDBOX_CREDENTIALS.teamleader },
    mplus: { ...record.mplus, ...SANDBOX_CREDENTIALS.mplus },
  };
}

export function endpointsFor(info: SandboxInfo, tokenStore: TeamleaderTokenStore): SandboxEndpoints {
  return {
    teamleader: {
      apiUrl: info.teamleader.apiUrl,
      authUrl: info.teamleader.authUrl,
      clientId: info.teamleader.clientId,
      clientSecret: info.teamleader.clientSecret,
      tokenStore,
    },
    mplus: { url: info.mplus.url, ident: info.mplus.ident, secret: info.mplus.secret },
  };
}

async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Sandbox ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

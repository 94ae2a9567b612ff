import type { MplusConnection, TeamleaderConnection } from '../../shared/connections/connection';
import { mplusUrl, SANDBOX_MPLUS_ID, SANDBOX_TEAMLEADER_ID } from '../connections/connection-config';
import type { ConnectionStore } from '../connections/connection-store';
import type { SandboxInfo } from './sandbox-types';

/**
 * Registers (or updates: the ports change between starts) "Sandbox Teamleader" and "Sandbox
 * MplusKASSA". Only addresses and the client id are written: no secret, no token.
 */
export function registerSandboxConnections(store: ConnectionStore, info: SandboxInfo): void {
  const now = new Date().toISOString();
  const teamleader = store.find(SANDBOX_TEAMLEADER_ID);
  const mplus = store.find(SANDBOX_MPLUS_ID);
  const mplusAddress = new URL(info.mplus.url);
  store.save<TeamleaderConnection>({
    id: SANDBOX_TEAMLEADER_ID,
    name: 'Sandbox Teamleader',
    kind: 'teamleader',
    mode: 'sandbox',
    status: teamleader?.status ?? 'new',
    createdAt: teamleader?.createdAt ?? now,
    config: {
      apiBaseUrl: info.teamleader.apiUrl,
      authBaseUrl: info.teamleader.authUrl,
      clientId: info.teamleader.clientId,
    },
    ...(teamleader?.kind === 'teamleader' && teamleader.account ? { account: teamleader.account } : {}),
    ...(teamleader?.checkedAt ? { checkedAt: teamleader.checkedAt } : {}),
  });
  const host = `${mplusAddress.protocol}//${mplusAddress.hostname}`;
  const port = Number(mplusAddress.port);
  store.save<MplusConnection>({
    id: SANDBOX_MPLUS_ID,
    name: 'Sandbox MplusKASSA',
    kind: 'mplus',
    mode: 'sandbox',
    status: mplus?.status ?? 'new',
    createdAt: mplus?.createdAt ?? now,
    config: { host, port, url: mplusUrl(host, port) },
    ...(mplus?.kind === 'mplus' && mplus.account ? { account: mplus.account } : {}),
    ...(mplus?.checkedAt ? { checkedAt: mplus.checkedAt } : {}),
  });
}

import fs from 'node:fs';
import path from 'node:path';
import type { ConnectionStore } from '../connections/connection-store';
import { startMplusTwin, type MplusTwin } from '../connectors/mplus';
import { startTeamleaderTwin } from '../connectors/teamleader';
import { registerSandboxConnections } from './register-connections';
import { connectSandboxTeamleader, endpointsFor, resetTwins } from './sandbox-http';
import { sandboxDir } from './sandbox-record';
import { SANDBOX_CREDENTIALS, type Sandbox, type SandboxInfo, type SandboxSize } from './sandbox-types';

export interface StartSandboxOptions {
  dataDir: string;
  /** Where "Sandbox Teamleader" and "Sandbox MplusKASSA" are registered. */
  connections: ConnectionStore;
  /** 0 or absent: a free port. */
  teamleaderPort?: number;
  mplusPort?: number;
  seed?: number;
  size?: SandboxSize;
}

/**
 * Starts both twins in this process with their data under `<dataDir>/sandbox/` (one state file per
 * seed and size, so sandbox data survives restarts), registers the two sandbox connections, and
 * connects Teamleader headlessly. Tokens are fresh on every start and kept in memory.
 */
export async function startSandbox(options: StartSandboxOptions): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const size = options.size ?? 'small';
  const dir = sandboxDir(options.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const teamleader = await startTeamleaderTwin({
    port: options.teamleaderPort ?? 0,
    seed,
    size,
    ...SANDBOX_CREDENTIALS.teamleader,
    stateFile: path.join(dir, `teamleader-${seed}-${size}.json`),
  });
  let mplus: MplusTwin;
  try {
    mplus = await startMplusTwin({
      port: options.mplusPort ?? 0,
      seed,
      size,
      ...SANDBOX_CREDENTIALS.mplus,
      stateFile: path.join(dir, `mplus-${seed}-${size}.json`),
    });
  } catch (error) {
    await teamleader.close();
    throw error;
  }
  const twins = [teamleader, mplus];
  const info: SandboxInfo = {
    teamleader: {
      apiUrl: teamleader.apiUrl,
      authUrl: teamleader.authUrl,
      adminUrl: teamleader.adminUrl,
      clientId: teamleader.clientId,
      clientSecret: teamleader.clientSecret,
    },
    mplus: { url: mplus.url, adminUrl: mplus.adminUrl, ident: mplus.ident, secret: mplus.secret },
  };
  try {
    const tokenStore = await connectSandboxTeamleader(info.teamleader);
    registerSandboxConnections(options.connections, info);
    return {
      info,
      seed,
      size,
      owner: 'process',
      endpoints: () => endpointsFor(info, tokenStore),
      reset: () => resetTwins(info, seed, size),
      close: async () => {
        await Promise.all(twins.map((twin) => twin.close()));
      },
    };
  } catch (error) {
    await Promise.all(twins.map((twin) => twin.close()));
    throw error;
  }
}

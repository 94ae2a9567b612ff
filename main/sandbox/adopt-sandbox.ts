import type { ConnectionStore } from '../connections/connection-store';
import { registerSandboxConnections } from './register-connections';
import { connectSandboxTeamleader, endpointsFor, infoFromRecord, resetTwins } from './sandbox-http';
import type { SandboxRecord } from './sandbox-record';
import type { Sandbox } from './sandbox-types';

/**
 * Uses the sandbox another process runs (found in sandbox.json): registers its current ports and
 * obtains this process's own Teamleader tokens from it, in memory.
 */
export async function adoptSandbox(record: SandboxRecord, connections: ConnectionStore): Promise<Sandbox> {
  const info = infoFromRecord(record);
  const tokenStore = await connectSandboxTeamleader(info.teamleader);
  registerSandboxConnections(connections, info);
  return {
    info,
    seed: record.seed,
    size: record.size,
    owner: 'shared',
    endpoints: () => endpointsFor(info, tokenStore),
    reset: () => resetTwins(info, record.seed, record.size),
    // The twins belong to the other process: nothing to stop here.
    close: async () => undefined,
  };
}

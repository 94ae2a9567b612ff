import { z } from 'zod';
import { createMplusClient } from '../../connectors/mplus';
import { createTeamleaderClient } from '../../connectors/teamleader';
import { connectSandboxTeamleader } from '../../sandbox/sandbox-http';
import { staticConnections, type ConnectionProvider } from '../connections';

/**
 * What a child run needs to reach twins the parent test runs: the twins' addresses as
 * `koppel sandbox` prints them, plus client settings (the crash test lifts the Teamleader rate
 * limit; the fault test shortens timeouts so a hanging answer costs a second, not thirty).
 */
export const TwinConnectionsOptions = z.object({
  sandbox: z.object({
    teamleader: z.object({
      apiUrl: z.string(),
      authUrl: z.string(),
      adminUrl: z.string(),
      clientId: z.string(),
      clientSecret: z.string(),
    }),
    mplus: z.object({ url: z.string(), ident: z.string(), secret: z.string() }),
  }),
  teamleaderClient: z
    .object({
      rateLimitPerMinute: z.number().int().min(1).optional(),
      timeoutMs: z.number().int().min(1).optional(),
      maxRetries: z.number().int().min(0).optional(),
    })
    .default({}),
  mplusClient: z
    .object({
      timeoutMs: z.number().int().min(1).optional(),
      maxRetries: z.number().int().min(0).optional(),
    })
    .default({}),
});
export type TwinConnectionsOptions = z.input<typeof TwinConnectionsOptions>;

/**
 * A connections module for the child-process harness (`connectionsModule` of a child spec): clients
 * of both twins, with this process's own Teamleader tokens obtained from the twin the way the
 * sandbox does it (`POST /_sandbox/authorize`, then the code exchange), kept in memory.
 */
export async function createConnections(options: unknown): Promise<ConnectionProvider> {
  const { sandbox, teamleaderClient, mplusClient } = TwinConnectionsOptions.parse(options);
  const tokenStore = await connectSandboxTeamleader(sandbox.teamleader);
  return staticConnections(
    {
      teamleader: createTeamleaderClient({
        ...teamleaderClient,
        apiBaseUrl: sandbox.teamleader.apiUrl,
        authBaseUrl: sandbox.teamleader.authUrl,
        clientId: sandbox.teamleader.clientId,
        clientSecret: sandbox.teamleader.clientSecret,
        tokenStore,
      }),
      mplus: createMplusClient({ ...mplusClient, ...sandbox.mplus }),
    },
    // By address, as the connection registry names them: the same in every child on the twins.
    { teamleader: sandbox.teamleader.apiUrl, mplus: sandbox.mplus.url },
  );
}

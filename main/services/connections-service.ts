import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { DomainHandlers } from '../api/handlers';
import type { AppContext } from '../app/context';
import { testConnection } from '../connections/connection-tests';
import { saveMplusConnection } from '../connections/save-mplus';
import { TeamleaderAuthFlows } from '../connections/teamleader-auth';

/**
 * `connections.*`: the registry behind the Connections screen. Outputs carry metadata, status and
 * account information only; a secret goes in (saveMplus, startTeamleaderAuth) and never comes out.
 */
export function connectionsHandlers(ctx: AppContext): DomainHandlers<'connections'> {
  const registry = ctx.connections;
  const auth = new TeamleaderAuthFlows({
    registry,
    openExternal: ctx.openExternal,
    logger: ctx.logger,
    language: () => ctx.settings.get().language,
  });
  ctx.onDispose(() => auth.dispose());
  return {
    'connections.list': async () => ({ connections: await registry.list() }),
    'connections.get': ({ id }) => registry.view(registry.store.get(id)),
    'connections.test': ({ id }) => testConnection(registry, id),
    'connections.saveMplus': async (input) => registry.view(await saveMplusConnection(registry, input)),
    'connections.startTeamleaderAuth': (input) => auth.start(input),
    'connections.teamleaderAuthStatus': ({ authId }) => auth.status(authId),
    'connections.disconnect': async ({ id }) => registry.view(await registry.disconnect(id)),
    'connections.delete': async ({ id }) => {
      await registry.remove(id);
      return { deleted: true as const };
    },
    'connections.keychainStatus': () => registry.vault.status(),
  };
}

/** `sandbox.*`: the built-in twins. */
export function sandboxHandlers(ctx: AppContext): DomainHandlers<'sandbox'> {
  return {
    'sandbox.status': () => ctx.sandbox.status(),
    'sandbox.reset': () => ctx.sandbox.reset(),
    'sandbox.apply': async () => {
      // A run's calls would meet twins that are restarting: wait for it to finish.
      const runs = ctx.sync.engine.activeRuns().length;
      if (runs > 0) throw new KoppelError('conflict', apiMessage('sandboxBusyApply', { runs }));
      return ctx.sandbox.apply();
    },
  };
}

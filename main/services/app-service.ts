import type { AppContext } from '../app/context';
import type { DomainHandlers } from '../api/handlers';

export function appHandlers(ctx: AppContext): DomainHandlers<'app'> {
  return {
    'app.info': () => ({
      name: 'Koppel',
      version: ctx.version,
      host: ctx.host,
      platform: process.platform,
      dataDir: ctx.dataDir,
    }),
    'app.openExternal': async ({ url }) => ({ opened: await ctx.openExternal(url) }),
  };
}

import type { AppContext } from '../app/context';
import type { DomainHandlers } from '../api/handlers';

export function settingsHandlers(ctx: AppContext): DomainHandlers<'settings'> {
  return {
    'settings.get': () => ctx.settings.get(),
    'settings.update': (patch) => ctx.settings.update(patch),
  };
}

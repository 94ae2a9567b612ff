import type { AppContext } from '../app/context';

/**
 * For hosts (the desktop app, `koppel serve`): starts the sandbox, or finds the one another process
 * runs, when it is turned on and no live connection exists yet, so a first start has both systems
 * to work with. Resolves with whether the sandbox is now in use.
 */
export async function ensureSandbox(ctx: AppContext): Promise<boolean> {
  if (!ctx.settings.get().sandbox.enabled) return false;
  if (ctx.connections.store.list().some((connection) => connection.mode === 'live')) return false;
  await ctx.sandbox.ensure();
  return true;
}

/** {@link ensureSandbox} in the background: a failure is logged, never fatal to the host. */
export function ensureSandboxInBackground(ctx: AppContext): void {
  ensureSandbox(ctx).catch((error: unknown) => {
    ctx.logger.warn('The sandbox could not be started', {
      error: error instanceof Error ? error.message : String(error),
    });
  });
}

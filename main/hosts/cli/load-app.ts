import type { App, CreateAppOptions } from '../../app/create-app';

/**
 * Builds the app, loading its modules on first use. Commands call this (and import the services
 * they need) inside their actions, so `koppel --help`, `--version` and usage errors do not load
 * the engine, the connectors, SQLite and axios first.
 */
export async function loadApp(options: CreateAppOptions): Promise<App> {
  const { createApp } = await import('../../app/create-app');
  return createApp(options);
}

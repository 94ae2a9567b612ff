import fs from 'node:fs';
import type { HostKind } from '../../shared/api/calls/app';
import { createDispatcher, type Dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { appHandlers } from '../services/app-service';
import { settingsHandlers } from '../services/settings-service';
import { createConfBackend } from '../settings/conf-backend';
import { SettingsStore, type SettingsBackend } from '../settings/settings-store';
import type { AppContext } from './context';
import { EventBus } from './event-bus';
import { createConsoleLogger, type Logger } from './logger';
import { APP_VERSION } from './version';

export interface CreateAppOptions {
  host: HostKind;
  dataDir: string;
  /** electron-store on the desktop; conf (the default) elsewhere. */
  settingsBackend?: (dataDir: string) => SettingsBackend;
  logger?: Logger;
  openExternal?: (url: string) => Promise<boolean>;
}

export interface App {
  readonly ctx: AppContext;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  dispose(): Promise<void>;
}

/** The composition root shared by every host: builds the context, the services and the dispatcher. */
export async function createApp(options: CreateAppOptions): Promise<App> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const logger = options.logger ?? createConsoleLogger();
  const disposers: (() => void | Promise<void>)[] = [];
  const bus = new EventBus();
  const settings = new SettingsStore((options.settingsBackend ?? createConfBackend)(options.dataDir));
  settings.onChange((next) => bus.emit('settings.changed', next));

  const ctx: AppContext = {
    host: options.host,
    version: APP_VERSION,
    dataDir: options.dataDir,
    settings,
    bus,
    logger,
    openExternal: options.openExternal ?? (async () => false),
    onDispose: (dispose) => disposers.push(dispose),
  };

  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
  };

  return {
    ctx,
    handlers,
    dispatch: createDispatcher(handlers, logger),
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
}

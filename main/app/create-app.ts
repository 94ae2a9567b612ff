import fs from 'node:fs';
import path from 'node:path';
import { apiMessage } from '../../shared/api/api-messages';
import { failureOf, KoppelError } from '../../shared/api/errors';
import type { HostKind } from '../../shared/api/calls/app';
import type { Language } from '../../shared/settings/settings';
import { createDispatcher, type Dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { appHandlers } from '../services/app-service';
import { connectionsHandlers, sandboxHandlers } from '../services/connections-service';
import { ConnectionRegistry } from '../connections/registry';
import { SandboxManager } from '../sandbox/sandbox-manager';
import { ensureSandboxInBackground } from '../sandbox/ensure-sandbox';
import { Vault } from '../vault/vault';
import { settingsHandlers } from '../services/settings-service';
import { startEmailAlerts } from '../notifications/start-email-alerts';
import { startRunNotifications } from '../notifications/start-notifications';
import { editorHandlers, lastRunRecords } from '../services/editor-service';
import { EditorTester } from '../services/editor-tester';
import { flowsHandlers } from '../services/flows-service';
import { runsHandlers } from '../services/runs-service';
import { catalogHandlers, templatesHandlers } from '../services/catalog-service';
import { wizardHandlers } from '../services/wizard-service';
import type { Clock } from '../engine/clock';
import type { ConnectionProvider } from '../engine/connections';
import { SyncRuntime } from '../engine/runtime';
import type { NodeRegistry } from '../nodes/registry';
import { confDocumentBackend, type DocumentBackendFactory } from '../store/document-backend';
import { createConfBackend } from '../settings/conf-backend';
import { SettingsStore, type SettingsBackend } from '../settings/settings-store';
import { DocumentProblems } from './document-problems';
import type { AppContext } from './context';
import { EventBus } from './event-bus';
import { logFolder, openFileLog } from './file-log';
import { createConsoleLogger, teeLogger, type Logger } from './logger';
import { logRunLines } from './run-log-lines';
import { APP_VERSION } from './version';

export interface CreateAppOptions {
  host: HostKind;
  dataDir: string;
  /** electron-store on the desktop; conf (the default) elsewhere. */
  settingsBackend?: (dataDir: string) => SettingsBackend;
  /** The language a data folder without settings starts in (the system's); English if not given. */
  systemLanguage?: Language;
  logger?: Logger;
  /**
   * Also log to `<dataDir>/logs/koppel-<logFile>.log` (rotated): the desktop app, the web host and
   * `koppel schedule` run unattended, and their log is what a user can send whoever helps them.
   */
  logFile?: string;
  openExternal?: (url: string) => Promise<boolean>;
  openFolder?: (folder: string) => Promise<boolean>;
  /** The OS keychain under service "Koppel" unless given (tests use a service of their own). */
  vault?: Vault;
  /** JSON documents other than settings (flows.json): conf by default, electron-store on the desktop. */
  documentBackend?: DocumentBackendFactory;
  /** The engine's connections (default: the connection registry); tests pass in-memory systems. */
  engineConnections?: ConnectionProvider;
  /** Node kinds the engine runs (default: the built-in registry); tests add their own. */
  nodeRegistry?: NodeRegistry;
  /** Run schedules in this process (default: desktop and web hosts; the CLI's `koppel schedule` asks). */
  scheduler?: boolean;
  clock?: Clock;
  /** Where templates are read from (default `resources/templates`). */
  templatesDir?: string;
}

export interface App {
  readonly ctx: AppContext;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  dispose(): Promise<void>;
}

/** The composition root shared by every host: builds the context, the services and the dispatcher. */
export async function createApp(options: CreateAppOptions): Promise<App> {
  makeDataFolder(options.dataDir);
  const fileLog = options.logFile ? openFileLog(logFolder(options.dataDir), options.logFile) : null;
  const logger = fileLog
    ? teeLogger(options.logger ?? createConsoleLogger(), fileLog.logger)
    : (options.logger ?? createConsoleLogger());
  const disposers: (() => void | Promise<void>)[] = [];
  if (fileLog) {
    // Where a log file's story of a process begins (it holds several, one after another).
    fileLog.logger.info(`Koppel ${APP_VERSION} started`, { host: options.host, pid: process.pid });
    // Registered first, so it closes last: what the shutdown logs is kept.
    disposers.push(async () => {
      fileLog.logger.info('Koppel stopped', { pid: process.pid });
      await fileLog.close();
    });
  }
  const bus = new EventBus();
  const settings = new SettingsStore((options.settingsBackend ?? createConfBackend)(options.dataDir), {
    ...(options.systemLanguage ? { systemLanguage: options.systemLanguage } : {}),
  });
  settings.onChange((next) => bus.emit('settings.changed', next));
  // Processes that stay up hear of another's changes to the data folder's documents (flows: the runtime).
  const watchDocuments = options.host !== 'cli' || (options.scheduler ?? false);
  const documentProblems = new DocumentProblems({
    logger,
    onChange: (problems) => bus.emit('app.documentProblems', { problems }),
  });
  const unwatchSettings = watchDocuments
    ? settings.watch({
        onProblem: (problem) => documentProblems.report('settings', settings.path, problem),
      })
    : undefined;
  const connections = new ConnectionRegistry({
    settings,
    vault: options.vault ?? new Vault({ logger }),
    logger,
  });
  const sandbox = new SandboxManager({
    dataDir: options.dataDir,
    settings,
    connections: connections.store,
    logger,
  });
  connections.attachSandbox(sandbox);
  const sync = new SyncRuntime({
    dataDir: options.dataDir,
    settings,
    bus,
    logger,
    connections: options.engineConnections ?? connections,
    documents: options.documentBackend ?? confDocumentBackend,
    scheduler: options.scheduler ?? options.host !== 'cli',
    retention: options.host !== 'cli',
    warmUp: options.host !== 'cli',
    watchFlows: watchDocuments,
    onFlowsProblem: (file, problem) => documentProblems.report('flows', file, problem),
    // Only hosts with windows: `koppel schedule` has nobody to show them to.
    followOtherRuns: options.host !== 'cli',
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.nodeRegistry ? { registry: options.nodeRegistry } : {}),
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
  });

  const ctx: AppContext = {
    host: options.host,
    version: APP_VERSION,
    dataDir: options.dataDir,
    settings,
    bus,
    logger,
    logFile: fileLog?.file ?? null,
    openExternal: options.openExternal ?? (async () => false),
    openFolder: options.openFolder ?? (async () => false),
    connections,
    documentProblems,
    sandbox,
    sync,
    onDispose: (dispose) => disposers.push(dispose),
  };
  // First registered, so it runs last: flows and servers stop before the twins they use.
  ctx.onDispose(() => sandbox.dispose());
  if (unwatchSettings) ctx.onDispose(unwatchSettings);
  // Runs finish (each with its runFinished) before the sandbox twins they talk to stop.
  ctx.onDispose(() => sync.dispose());
  // A host that keeps a log file notes each run's start and end in it.
  if (fileLog) ctx.onDispose(logRunLines(ctx));
  // Failed runs and recovered flows become notices (desktop: native; web page: the browser's).
  if (options.host !== 'cli') ctx.onDispose(startRunNotifications(ctx));
  // The same notices by e-mail where schedules run (the desktop app, the web host, `koppel schedule`).
  if (options.scheduler ?? options.host !== 'cli') ctx.onDispose(startEmailAlerts(ctx));
  // The desktop app starts the sandbox on first start (`koppel serve` does so itself before printing its URL).
  if (options.host === 'electron') ensureSandboxInBackground(ctx);

  const handlers: Handlers = {
    ...appHandlers(ctx, () => handlers),
    ...settingsHandlers(ctx),
    ...connectionsHandlers(ctx),
    ...sandboxHandlers(ctx),
    ...editorHandlers(
      new EditorTester({
        registry: sync.registry,
        connections: options.engineConnections ?? connections,
        lastRunRecords: (flowId, limit) => lastRunRecords(sync.store, flowId, limit),
      }),
      connections,
    ),
    ...flowsHandlers(ctx),
    ...runsHandlers(ctx),
    ...catalogHandlers(ctx),
    ...templatesHandlers(ctx),
    ...wizardHandlers(ctx),
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

/** Creates the data folder; one that cannot be a folder fails with words, not Node's error code. */
function makeDataFolder(folder: string): void {
  try {
    makeFolders(folder);
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const other = failureOf(error).message;
    const [reason, reasonNl] =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? ['it (or a folder above it) is a file', 'die (of een map erboven) is een bestand']
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? ['Koppel may not write there', 'Koppel mag daar niet schrijven']
          : code === 'ENOENT'
            ? ['no folder can be made there', 'daar kan geen map gemaakt worden']
            : [other, other];
    throw new KoppelError('invalid_input', apiMessage('dataFolderUnusable', { folder, reason, reasonNl }));
  }
}

/**
 * `mkdir -p` a level at a time. Node 20's recursive mkdir never returns for a folder under /proc
 * (the folder's mkdir says ENOENT and its parent exists, so it tries again): every command given
 * such a data folder hung at full CPU.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(folder); !fs.existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const level of missing) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      // Made meanwhile by another process (the desktop app and a command starting together).
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(level).isDirectory())
        throw error;
    }
  }
  if (!fs.statSync(folder).isDirectory()) {
    throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });
  }
}

import type { HostKind } from '../../shared/api/calls/app';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';
import type { SettingsStore } from '../settings/settings-store';
import type { ConnectionRegistry } from '../connections/registry';
import type { SandboxManager } from '../sandbox/sandbox-manager';
import type { SyncRuntime } from '../engine/runtime';
import type { DocumentProblems } from './document-problems';

/**
 * Everything a service needs, built once per process by `createApp`. Services receive it; nothing
 * reaches for globals, so the same services run in Electron, the web host, the CLI and tests.
 */
export interface AppContext {
  readonly host: HostKind;
  readonly version: string;
  readonly dataDir: string;
  readonly settings: SettingsStore;
  readonly bus: EventBus;
  readonly logger: Logger;
  /** The file this host's log also goes to (see `logs/` in the data folder), or null: a one-off command. */
  readonly logFile: string | null;
  /** Opens an https: URL in the system browser; false where the host cannot (web, CLI). */
  readonly openExternal: (url: string) => Promise<boolean>;
  /** Shows a folder of this computer in the file manager; false where the host cannot (web, CLI). */
  readonly openFolder: (folder: string) => Promise<boolean>;
  /** Connections: metadata in settings, secrets in the OS keychain, ready clients (the engine's ConnectionProvider). */
  readonly connections: ConnectionRegistry;
  /** The built-in twins of both APIs, started or found running on first use. */
  readonly sandbox: SandboxManager;
  /** Runs, flows, templates, the engine and the scheduler. */
  readonly sync: SyncRuntime;
  /** The data folder documents that do not read now (edited by hand while this process runs). */
  readonly documentProblems: DocumentProblems;
  /** Run at shutdown, last registered first. */
  onDispose(dispose: () => void | Promise<void>): void;
}

import type { HostKind } from '../../shared/api/calls/app';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';
import type { SettingsStore } from '../settings/settings-store';

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
  /** Opens an https: URL in the system browser; false where the host cannot (web, CLI). */
  readonly openExternal: (url: string) => Promise<boolean>;
  /** Run at shutdown, last registered first. */
  onDispose(dispose: () => void | Promise<void>): void;
}

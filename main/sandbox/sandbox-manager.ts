import type { SandboxStatus } from '../../shared/api/calls/connections';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { Logger } from '../app/logger';
import { silentLogger } from '../app/logger';
import type { ConnectionStore } from '../connections/connection-store';
import type { SandboxAccess, SandboxEndpoints } from '../connections/registry';
import type { SettingsStore } from '../settings/settings-store';
import { adoptSandbox } from './adopt-sandbox';
import { sandboxAnswers } from './sandbox-http';
import {
  pidAlive,
  readSandboxRecord,
  removeSandboxRecord,
  withStartLock,
  writeSandboxRecord,
} from './sandbox-record';
import type { Sandbox, SandboxSize } from './sandbox-types';
import { startSandbox } from './start-sandbox';

export interface SandboxManagerOptions {
  dataDir: string;
  settings: SettingsStore;
  connections: ConnectionStore;
  logger?: Logger;
}

export interface StartOwnedOptions {
  teamleaderPort?: number;
  mplusPort?: number;
  seed?: number;
  size?: SandboxSize;
}

/**
 * The sandbox of one process and one data folder. `ensure()` uses the sandbox another process
 * recorded in `<dataDir>/sandbox/sandbox.json` when its pid is alive and its ports answer, and
 * otherwise starts the twins here (and records them, so other processes can use them in turn).
 */
export class SandboxManager implements SandboxAccess {
  private current: Sandbox | undefined;
  private pending: Promise<Sandbox> | undefined;
  private readonly restartListeners: (() => void)[] = [];
  private readonly logger: Logger;

  constructor(private readonly options: SandboxManagerOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  enabled(): boolean {
    return this.options.settings.get().sandbox.enabled;
  }

  async ensure(): Promise<SandboxEndpoints> {
    return (await this.sandbox()).endpoints();
  }

  /** The running sandbox, started or adopted on first use. */
  async sandbox(): Promise<Sandbox> {
    if (this.current && (this.current.owner === 'process' || (await this.sharedStillUp())))
      return this.current;
    this.pending ??= this.acquire().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /**
   * `koppel sandbox`: starts the twins in this process on the given ports. Refuses when another live
   * process already runs this data folder's sandbox (two twins must not share one state file).
   */
  async startOwned(options: StartOwnedOptions = {}): Promise<Sandbox> {
    if (this.current) throw new KoppelError('conflict', apiMessage('sandboxAlreadyRunsHere'));
    const sandbox = await withStartLock(this.options.dataDir, async () => {
      const running = await this.runningElsewhere();
      if (running) {
        throw new KoppelError(
          'conflict',
          apiMessage('sandboxRunsElsewhere', {
            pid: running.pid,
            teamleaderUrl: running.teamleader.apiUrl,
            mplusUrl: running.mplus.url,
          }),
        );
      }
      return this.startHere(options);
    });
    this.current = sandbox;
    return sandbox;
  }

  async status(): Promise<SandboxStatus> {
    const settings = this.options.settings.get().sandbox;
    let sandbox = this.current;
    if (sandbox?.owner === 'shared' && !(await this.sharedStillUp())) sandbox = undefined;
    if (!sandbox) {
      // Cheap on purpose (no probing): the status screen polls this.
      const found = readSandboxRecord(this.options.dataDir);
      const record = found && found.pid !== process.pid && pidAlive(found.pid) ? found : undefined;
      return {
        enabled: settings.enabled,
        running: record !== undefined,
        seed: record?.seed ?? settings.seed,
        size: record?.size ?? settings.size,
        ...(record
          ? {
              owner: 'shared' as const,
              teamleader: record.teamleader,
              mplus: { url: record.mplus.url, adminUrl: record.mplus.adminUrl },
            }
          : {}),
      };
    }
    const { teamleader, mplus } = sandbox.info;
    return {
      enabled: settings.enabled,
      running: true,
      owner: sandbox.owner,
      seed: sandbox.seed,
      size: sandbox.size,
      teamleader: { apiUrl: teamleader.apiUrl, authUrl: teamleader.authUrl, adminUrl: teamleader.adminUrl },
      mplus: { url: mplus.url, adminUrl: mplus.adminUrl },
    };
  }

  /** Puts the sandbox data back to its seed (starting the sandbox first if it is not running). */
  async reset(): Promise<SandboxStatus> {
    if (!this.enabled()) throw new KoppelError('conflict', apiMessage('sandboxOff'));
    await (await this.sandbox()).reset();
    return this.status();
  }

  /**
   * Restarts this process's twins with the seed and size the settings ask for, on the same ports (the
   * sandbox connections keep their addresses). Each seed and size keeps its own data, so going back
   * finds it as it was. Another process's sandbox is refused: it is restarted where it runs.
   */
  async apply(): Promise<SandboxStatus> {
    if (!this.enabled()) throw new KoppelError('conflict', apiMessage('sandboxOff'));
    const wanted = this.options.settings.get().sandbox;
    const current = await this.sandbox();
    if (current.seed === wanted.seed && current.size === wanted.size) return this.status();
    if (current.owner !== 'process') {
      const pid = readSandboxRecord(this.options.dataDir)?.pid ?? 0;
      throw new KoppelError('conflict', apiMessage('sandboxSharedApply', { pid }));
    }
    const ports = {
      teamleaderPort: Number(new URL(current.info.teamleader.apiUrl).port),
      mplusPort: Number(new URL(current.info.mplus.url).port),
    };
    this.current = undefined;
    await current.close();
    this.pending ??= withStartLock(this.options.dataDir, () => this.startHere(ports)).finally(
      () => (this.pending = undefined),
    );
    this.current = await this.pending;
    for (const listener of this.restartListeners) listener();
    this.logger.info('Sandbox restarted with other sample data', { seed: wanted.seed, size: wanted.size });
    return this.status();
  }

  onRestart(listener: () => void): void {
    this.restartListeners.push(listener);
  }

  /** Stops twins this process runs and removes its sandbox.json; leaves another process's alone. */
  async dispose(): Promise<void> {
    const sandbox = this.current ?? (await this.pending?.catch(() => undefined));
    this.current = undefined;
    if (!sandbox) return;
    await sandbox.close();
    if (sandbox.owner === 'process') removeSandboxRecord(this.options.dataDir);
  }

  private async acquire(): Promise<Sandbox> {
    if (!this.enabled()) {
      throw new KoppelError('connection_failed', apiMessage('sandboxOffForUse'));
    }
    const sandbox = await withStartLock(this.options.dataDir, async () => {
      const running = await this.runningElsewhere();
      if (running) return adoptSandbox(running, this.options.connections);
      return this.startHere({});
    });
    this.logger.info(
      sandbox.owner === 'process' ? 'Sandbox started' : 'Using the sandbox of another process',
      {
        teamleader: sandbox.info.teamleader.apiUrl,
        mplus: sandbox.info.mplus.url,
      },
    );
    this.current = sandbox;
    return sandbox;
  }

  private async startHere(options: StartOwnedOptions): Promise<Sandbox> {
    const settings = this.options.settings.get().sandbox;
    const sandbox = await startSandbox({
      dataDir: this.options.dataDir,
      connections: this.options.connections,
      seed: options.seed ?? settings.seed,
      size: options.size ?? settings.size,
      ...(options.teamleaderPort !== undefined ? { teamleaderPort: options.teamleaderPort } : {}),
      ...(options.mplusPort !== undefined ? { mplusPort: options.mplusPort } : {}),
    });
    const { teamleader, mplus } = sandbox.info;
    writeSandboxRecord(this.options.dataDir, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      seed: sandbox.seed,
      size: sandbox.size,
      teamleader: { apiUrl: teamleader.apiUrl, authUrl: teamleader.authUrl, adminUrl: teamleader.adminUrl },
      mplus: { url: mplus.url, adminUrl: mplus.adminUrl },
    });
    return sandbox;
  }

  /** The record of a sandbox another live process runs, if its ports answer. */
  private async runningElsewhere() {
    const record = readSandboxRecord(this.options.dataDir);
    if (!record || record.pid === process.pid || !pidAlive(record.pid)) return undefined;
    return (await sandboxAnswers(record)) ? record : undefined;
  }

  private async sharedStillUp(): Promise<boolean> {
    const record = readSandboxRecord(this.options.dataDir);
    const current = this.current;
    const same =
      record !== undefined &&
      current !== undefined &&
      record.teamleader.apiUrl === current.info.teamleader.apiUrl;
    if (same && pidAlive(record.pid)) return true;
    this.current = undefined;
    await current?.close();
    return false;
  }
}

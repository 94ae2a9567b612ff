import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resourcesDir } from '../../app/paths';
import { createMplusClient, startMplusTwin, type MplusClient, type MplusTwin } from '../../connectors/mplus';
import {
  createTeamleaderClient,
  startTeamleaderTwin,
  type TeamleaderClient,
  type TeamleaderTwin,
} from '../../connectors/teamleader';
import { staticConnections } from '../../engine/connections';
import { Engine, type RunResult } from '../../engine/engine';
import { connectSandboxTeamleader } from '../../sandbox/sandbox-http';
import { Store } from '../../store/store';
import { TemplateStore } from '../../store/template-store';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import { createNodeRegistry } from '..';

/** The nine templates shipped in resources/templates. */
export const TEMPLATE_IDS = [
  'orders-mplus-to-teamleader',
  'orders-teamleader-to-mplus',
  'customers-teamleader-to-mplus',
  'customers-mplus-to-teamleader',
  'products-teamleader-to-mplus',
  'products-mplus-to-teamleader',
  'categories-teamleader-to-mplus',
  'stock-mplus-to-teamleader',
  'order-status-teamleader-to-mplus',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const templates = new TemplateStore(path.join(resourcesDir(), 'templates'));

/**
 * Both twins on loopback with the clients the engine uses, and a fresh run database per `reset()`
 * (so ledger and cursors start empty, as on a fresh install). Golden tests share one harness per
 * file and reset it between tests.
 */
export class TwinHarness {
  private store: Store | undefined;
  private dir: string | undefined;
  engine!: Engine;

  private constructor(
    readonly mplusTwin: MplusTwin,
    readonly teamleaderTwin: TeamleaderTwin,
    readonly mplus: MplusClient,
    readonly teamleader: TeamleaderClient,
    private readonly seed: number,
  ) {}

  static async start(seed = 1): Promise<TwinHarness> {
    const [mplusTwin, teamleaderTwin] = await Promise.all([
      startMplusTwin({ seed, size: 'small' }),
      startTeamleaderTwin({ seed, size: 'small' }),
    ]);
    const mplus = createMplusClient({ url: mplusTwin.url, ident: mplusTwin.ident, secret: mplusTwin.secret });
    const tokenStore = await connectSandboxTeamleader(teamleaderTwin);
    const teamleader = createTeamleaderClient({
      apiBaseUrl: teamleaderTwin.apiUrl,
      authBaseUrl: teamleaderTwin.authUrl,
      clientId: teamleaderTwin.clientId,
      clientSecret: teamleaderTwin.clientSecret,
      tokenStore,
      // The twin's rate limit is real (200 a minute); golden runs make more calls than that.
      rateLimitPerMinute: 100_000,
    });
    const harness = new TwinHarness(mplusTwin, teamleaderTwin, mplus, teamleader, seed);
    await harness.reset();
    return harness;
  }

  /** Both twins back to their seed, the rate-limit window cleared, and an empty run database. */
  async reset(): Promise<void> {
    await Promise.all([
      admin(this.mplusTwin.adminUrl, 'reset', { seed: this.seed, size: 'small' }),
      admin(this.teamleaderTwin.adminUrl, 'reset', { seed: this.seed, size: 'small' }),
    ]);
    await admin(this.teamleaderTwin.adminUrl, 'faults', { rateLimitPerMinute: 100_000 });
    this.freshRunDatabase();
  }

  /** An empty run database (no ledger, no cursors) against the twins as they are: a new install. */
  freshRunDatabase(): void {
    this.closeStore();
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-golden-'));
    this.store = Store.openDataDir(this.dir);
    this.engine = new Engine({
      store: this.store,
      registry: createNodeRegistry(),
      connections: staticConnections({ mplus: this.mplus, teamleader: this.teamleader }),
    });
  }

  /** Runs a template (optionally changed by `edit`) through the real engine. */
  run(
    id: TemplateId,
    edit?: (flow: FlowDocument) => void,
    options: { limit?: number; dryRun?: boolean } = {},
  ): Promise<RunResult> {
    const flow = templates.get(id);
    edit?.(flow);
    return this.engine.run({
      flow,
      trigger: 'manual',
      ...(options.limit ? { limit: options.limit } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
    });
  }

  /** Injects faults into a twin (`POST /_sandbox/faults`); `{}` clears them. */
  async faults(system: 'mplus' | 'teamleader', faults: Record<string, unknown>): Promise<void> {
    const adminUrl = system === 'mplus' ? this.mplusTwin.adminUrl : this.teamleaderTwin.adminUrl;
    // The Teamleader twin's fault setting also carries its rate limit, which golden runs lift.
    await admin(
      adminUrl,
      'faults',
      system === 'teamleader' ? { rateLimitPerMinute: 100_000, ...faults } : faults,
    );
  }

  /** Every stored item of a run, for asserting per-record outcomes. */
  items(runId: string) {
    return this.runStore().items.list(runId, { limit: 100_000, offset: 0 }).items;
  }

  runStore(): Store {
    if (!this.store) throw new Error('The harness is closed.');
    return this.store;
  }

  /** A twin's records of one type through its `/_sandbox/entities/<type>` admin API. */
  async mplusEntities<T = Record<string, unknown>>(type: string): Promise<T[]> {
    return entities<T>(this.mplusTwin.adminUrl, type);
  }

  async teamleaderEntities<T = Record<string, unknown>>(type: string): Promise<T[]> {
    return entities<T>(this.teamleaderTwin.adminUrl, type);
  }

  async close(): Promise<void> {
    this.closeStore();
    await Promise.all([this.mplusTwin.close(), this.teamleaderTwin.close()]);
  }

  private closeStore(): void {
    this.store?.close();
    this.store = undefined;
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

async function admin(adminUrl: string, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${adminUrl}/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${adminUrl}/${route}: HTTP ${response.status} ${await response.text()}`);
  await response.body?.cancel();
}

async function entities<T>(adminUrl: string, type: string): Promise<T[]> {
  const response = await fetch(`${adminUrl}/entities/${type}`);
  if (!response.ok) throw new Error(`${adminUrl}/entities/${type}: HTTP ${response.status}`);
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new Error(`${adminUrl}/entities/${type} did not answer a list.`);
  // The admin API hands out the twin's stored records; tests read the fields they assert.
  return body as T[];
}

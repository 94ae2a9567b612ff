import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../../app/paths';
import {
  createMplusClient,
  startMplusTwin,
  type MplusClient,
  type MplusClientOptions,
  type MplusTwin,
} from '../../connectors/mplus';
import {
  createTeamleaderClient,
  startTeamleaderTwin,
  type TeamleaderClient,
  type TeamleaderClientOptions,
  type TeamleaderTwin,
} from '../../connectors/teamleader';
import { staticConnections } from '../../engine/connections';
import { Engine, type RunResult } from '../../engine/engine';
import type { NodeContext } from '../../engine/executor';
import { localAccountOf, makingLockOf } from '../../engine/making-lock';
import { connectSandboxTeamleader } from '../../sandbox/sandbox-http';
import type { SandboxInfo, SandboxSize } from '../../sandbox/sandbox-types';
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

/** How the crash and fault tests want the twins and clients (golden tests use the defaults). */
export interface TwinHarnessOptions {
  /** Seeded size of both twins; default small. */
  size?: SandboxSize;
  /**
   * The Teamleader twin's rate-limit window (default a minute), mirrored by the client; a short one
   * makes 429 bursts quick to wait out.
   */
  teamleaderRateWindowMs?: number;
  teamleaderClient?: Pick<
    TeamleaderClientOptions,
    'timeoutMs' | 'maxRetries' | 'retryBaseDelayMs' | 'onRequest'
  >;
  mplusClient?: Pick<MplusClientOptions, 'timeoutMs' | 'maxRetries' | 'retryDelayMs' | 'onRequest'>;
}

/** What the twins' `/_sandbox/stats` answer (the fields the tests read). */
export const TwinStats = z.object({
  calls: z.record(z.string(), z.number()),
  /** Teamleader: per kind; MplusKASSA: a total. */
  faults: z.union([
    z.number(),
    z.object({ errors: z.number(), timeouts: z.number(), malformed: z.number(), lostResponses: z.number() }),
  ]),
  /** Teamleader only: requests answered 429. */
  rateLimited: z.number().optional(),
});
export type TwinStats = z.infer<typeof TwinStats>;

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
    readonly size: SandboxSize,
  ) {}

  static async start(seed = 1, options: TwinHarnessOptions = {}): Promise<TwinHarness> {
    const size = options.size ?? 'small';
    const [mplusTwin, teamleaderTwin] = await Promise.all([
      startMplusTwin({ seed, size }),
      startTeamleaderTwin({
        seed,
        size,
        ...(options.teamleaderRateWindowMs ? { rateLimitWindowMs: options.teamleaderRateWindowMs } : {}),
      }),
    ]);
    const mplus = createMplusClient({
      ...options.mplusClient,
      url: mplusTwin.url,
      ident: mplusTwin.ident,
      secret: mplusTwin.secret,
    });
    const tokenStore = await connectSandboxTeamleader(teamleaderTwin);
    const teamleader = createTeamleaderClient({
      ...options.teamleaderClient,
      apiBaseUrl: teamleaderTwin.apiUrl,
      authBaseUrl: teamleaderTwin.authUrl,
      clientId: teamleaderTwin.clientId,
      clientSecret: teamleaderTwin.clientSecret,
      tokenStore,
      // The twin's rate limit is real (200 a minute); golden runs make more calls than that.
      rateLimitPerMinute: 100_000,
      ...(options.teamleaderRateWindowMs ? { rateLimitWindowMs: options.teamleaderRateWindowMs } : {}),
    });
    const harness = new TwinHarness(mplusTwin, teamleaderTwin, mplus, teamleader, seed, size);
    await harness.reset();
    return harness;
  }

  /** Both twins back to their seed, the rate-limit window cleared, and an empty run database. */
  async reset(): Promise<void> {
    await Promise.all([
      admin(this.mplusTwin.adminUrl, 'reset', { seed: this.seed, size: this.size }),
      admin(this.teamleaderTwin.adminUrl, 'reset', { seed: this.seed, size: this.size }),
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

  /** A node's `whileMaking` as the harness's engine gives it to a run starting now. */
  whileMaking(): NodeContext<unknown>['whileMaking'] {
    const lock = makingLockOf(this.runStore().making);
    const since = Date.now();
    const signal = new AbortController().signal;
    // The engine's fixed clients name no account: the lock names them itself, as here.
    return (client, key, work) => lock.whileMaking(localAccountOf(client), key, since, signal, work);
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

  /** Adds generated records to a twin (`POST /_sandbox/generate`), e.g. thousands of POS orders. */
  async generate(system: 'mplus' | 'teamleader', type: string, count: number): Promise<void> {
    await admin(this.adminUrl(system), 'generate', { type, count });
  }

  /** A twin's call and fault counters (`GET /_sandbox/stats`). */
  async stats(system: 'mplus' | 'teamleader'): Promise<TwinStats> {
    const response = await fetch(`${this.adminUrl(system)}/stats`);
    if (!response.ok) throw new Error(`${system} stats: HTTP ${response.status}`);
    return TwinStats.parse(await response.json());
  }

  /** Where the twins listen, as `koppel sandbox` prints it: what a child process connects with. */
  info(): SandboxInfo {
    const { mplusTwin: m, teamleaderTwin: t } = this;
    return {
      teamleader: {
        apiUrl: t.apiUrl,
        authUrl: t.authUrl,
        adminUrl: t.adminUrl,
        clientId: t.clientId,
        clientSecret: t.clientSecret,
      },
      mplus: { url: m.url, adminUrl: m.adminUrl, ident: m.ident, secret: m.secret },
    };
  }

  private adminUrl(system: 'mplus' | 'teamleader'): string {
    return system === 'mplus' ? this.mplusTwin.adminUrl : this.teamleaderTwin.adminUrl;
  }

  /** Every stored item of a run, for asserting per-record outcomes. */
  items(runId: string) {
    return this.runStore().items.list(runId, { limit: 100_000, offset: 0 }).items;
  }

  /** A run's log lines of one message code (`teamleaderTaxChanged`, …), in order. */
  logLines(runId: string, code: string) {
    return this.runStore()
      .events.page(runId, 0, 10_000)
      .flatMap((event) => (event.type === 'log' && event.text?.code === code ? [event] : []));
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

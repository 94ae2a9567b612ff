import {
  MplusNetworkError,
  MplusProtocolError,
  MplusTimeoutError,
  type MplusRequestInfo,
} from '../../connectors/mplus';
import { seededRandom } from '../../engine/testing/child-harness';
import type { TwinHarness } from './harness';

/** Faults every call of a twin may get (`POST /_sandbox/faults`), as shares of calls. */
export interface FaultRates {
  errorRate: number;
  timeoutRate: number;
  malformedRate: number;
  lostResponseRate: number;
}

export interface FaultScheduleOptions {
  teamleader: FaultRates;
  mplus: FaultRates;
  seed: number;
  /** How often the schedule rolls its dice for the moment-to-moment faults. */
  tickMs: number;
  /** Share of ticks that invalidate every Teamleader access token (`expireTokens`). */
  expireTokensChance: number;
  /** Share of ticks during which Teamleader allows only `burstLimit` requests per window (429s). */
  burstChance: number;
  burstLimit: number;
  /** Teamleader's limit per window outside bursts. */
  normalLimit: number;
}

/**
 * Drives the twins' fault injection while a run goes on: steady error, timeout, malformed and
 * lost-answer rates on both twins, plus, tick by tick (seeded), expired Teamleader tokens and
 * moments where the rate-limit budget shrinks so requests in flight get 429 bursts.
 */
export class FaultSchedule {
  readonly counts = { ticks: 0, tokenExpiries: 0, bursts: 0 };
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly h: TwinHarness,
    private readonly options: FaultScheduleOptions,
  ) {}

  async start(): Promise<void> {
    const { options } = this;
    await this.h.faults('mplus', { ...options.mplus, seed: options.seed });
    await this.tick(seededRandom(options.seed), 0);
    const random = seededRandom(options.seed + 1);
    this.running = (async () => {
      for (let tick = 1; !this.stopped; tick++) {
        await new Promise((resolve) => setTimeout(resolve, options.tickMs));
        if (!this.stopped) await this.tick(random, tick);
      }
    })();
  }

  /** Stops the schedule and clears every fault (the twins answer normally again). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
    await this.h.faults('mplus', {});
    await this.h.faults('teamleader', {});
  }

  private async tick(random: () => number, tick: number): Promise<void> {
    const { options } = this;
    const expire = random() < options.expireTokensChance;
    const burst = random() < options.burstChance;
    this.counts.ticks++;
    if (expire) this.counts.tokenExpiries++;
    if (burst) this.counts.bursts++;
    // Posting faults replaces them all: the rates go along every time, with fresh dice per tick.
    await this.h.faults('teamleader', {
      ...options.teamleader,
      seed: options.seed + tick,
      rateLimitPerMinute: burst ? options.burstLimit : options.normalLimit,
      ...(expire ? { expireTokens: true } : {}),
    });
  }
}

export type MplusFaultKind = 'error' | 'timeout' | 'malformed' | 'lost' | 'other';

/**
 * What the MplusKASSA client saw go wrong, by kind (the twin counts its faults only as a total):
 * hook it into the client's `onRequest`.
 */
export class MplusFaultTally {
  readonly counts: Record<MplusFaultKind, number> = { error: 0, timeout: 0, malformed: 0, lost: 0, other: 0 };
  calls = 0;

  readonly onRequest = (info: MplusRequestInfo): void => {
    this.calls++;
    if (info.outcome === 'ok' || !info.error) return;
    this.counts[kindOf(info)]++;
  };
}

function kindOf(info: MplusRequestInfo): MplusFaultKind {
  const { error } = info;
  if (error instanceof MplusTimeoutError) return 'timeout';
  if ((info.status ?? 0) >= 500) return 'error';
  if (error instanceof MplusProtocolError) return 'malformed';
  if (error instanceof MplusNetworkError) return 'lost';
  return 'other';
}

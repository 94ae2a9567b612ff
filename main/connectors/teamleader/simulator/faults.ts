import { z } from 'zod';
import { Prng } from '../../seeded-prng';

/**
 * Faults for crash and retry tests (`POST /_sandbox/faults`). A fault never applies half a write:
 * `errorRate`, `timeoutRate` and `malformedRate` answer before the operation runs (nothing changed),
 * while `lostResponseRate` runs the operation and then drops the connection without an answer (the
 * write happened, the client cannot know: the case exactly-once delivery must survive).
 */
export const TwinFaults = z.object({
  /** Share of API calls answered with a server error from `statuses` (default 500/502/503). */
  errorRate: z.number().min(0).max(1).optional(),
  statuses: z.array(z.number().int().min(400).max(599)).min(1).optional(),
  /** Added to every API answer. */
  latencyMs: z.number().min(0).max(120_000).optional(),
  /** Added to the answers of these operations only (`products.add`: 50), on top of `latencyMs`. */
  operationLatencyMs: z.record(z.string(), z.number().min(0).max(120_000)).optional(),
  /** Share of API calls that never get an answer (the client times out). */
  timeoutRate: z.number().min(0).max(1).optional(),
  /** Share of API calls answered 200 with a body that is not JSON. */
  malformedRate: z.number().min(0).max(1).optional(),
  /** Share of API calls that are applied, then lose their answer (connection dropped). */
  lostResponseRate: z.number().min(0).max(1).optional(),
  /** Changes the rate limit (requests per window) for every connection. */
  rateLimitPerMinute: z.number().int().min(1).optional(),
  /** Invalidates every access token issued so far (refresh tokens stay valid). */
  expireTokens: z.boolean().optional(),
  /** Limit the faults above to these operations (`invoices.draft`, …); default all. */
  operations: z.array(z.string()).optional(),
  /** Seed for the fault dice, for reproducible fault runs. */
  seed: z.number().int().optional(),
});
export type TwinFaults = z.infer<typeof TwinFaults>;

export type FaultDecision = 'none' | 'error' | 'timeout' | 'malformed' | 'lost';

export class FaultInjector {
  private faults: TwinFaults = {};
  private dice = new Prng(Date.now());
  readonly counts = { errors: 0, timeouts: 0, malformed: 0, lostResponses: 0 };

  get current(): TwinFaults {
    return this.faults;
  }

  set(faults: TwinFaults): void {
    this.faults = faults;
    this.dice = new Prng(faults.seed ?? Date.now());
  }

  clear(): void {
    this.set({});
    this.counts.errors = this.counts.timeouts = this.counts.malformed = this.counts.lostResponses = 0;
  }

  latencyMs(operation: string): number {
    return (this.faults.latencyMs ?? 0) + (this.faults.operationLatencyMs?.[operation] ?? 0);
  }

  decide(operation: string): FaultDecision {
    const f = this.faults;
    if (f.operations && !f.operations.includes(operation)) return 'none';
    if (f.timeoutRate && this.dice.chance(f.timeoutRate)) return this.count('timeout');
    if (f.errorRate && this.dice.chance(f.errorRate)) return this.count('error');
    if (f.malformedRate && this.dice.chance(f.malformedRate)) return this.count('malformed');
    if (f.lostResponseRate && this.dice.chance(f.lostResponseRate)) return this.count('lost');
    return 'none';
  }

  errorStatus(): number {
    const statuses = this.faults.statuses ?? [500, 502, 503];
    return this.dice.pick(statuses);
  }

  private count(decision: Exclude<FaultDecision, 'none'>): FaultDecision {
    if (decision === 'error') this.counts.errors++;
    if (decision === 'timeout') this.counts.timeouts++;
    if (decision === 'malformed') this.counts.malformed++;
    if (decision === 'lost') this.counts.lostResponses++;
    return decision;
  }
}

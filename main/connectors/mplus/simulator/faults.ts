import { z } from 'zod';
import { Prng } from '../../seeded-prng';

/**
 * Faults for crash and retry tests (`POST /_sandbox/faults`, the same shape as the Teamleader
 * twin's). A fault never applies half a write: errors, timeouts and malformed answers are decided
 * before the operation runs (nothing changed); a lost response runs the operation fully and then
 * drops the connection without an answer, the case exactly-once delivery has to survive.
 */
export const MplusTwinFaults = z.strictObject({
  /** Share of SOAP calls answered with an error status from `statuses` (500 carries a Server fault). */
  errorRate: z.number().min(0).max(1).optional(),
  /** Default 500, 502, 503. */
  statuses: z.array(z.number().int().min(400).max(599)).min(1).optional(),
  /** Added before every SOAP answer. */
  latencyMs: z.number().min(0).max(120_000).optional(),
  /** Share of SOAP calls that never get an answer (the client times out). */
  timeoutRate: z.number().min(0).max(1).optional(),
  /** Share of SOAP calls answered 200 with a cut-off envelope. */
  malformedRate: z.number().min(0).max(1).optional(),
  /** Share of SOAP calls that are applied, then lose their answer (connection dropped). */
  lostResponseRate: z.number().min(0).max(1).optional(),
  /** Limit the faults to these operations (e.g. createOrderV3); default all. */
  operations: z.array(z.string()).optional(),
  /**
   * Operations this API user has no right to call: every call is refused with a permanent Client
   * fault (the real server's wording for this is unverified). Not limited by `operations`.
   */
  refuse: z.array(z.string()).optional(),
  /** Seed for the fault dice, for reproducible fault runs. */
  seed: z.number().int().optional(),
});
export type MplusTwinFaults = z.infer<typeof MplusTwinFaults>;

export type FaultDecision = 'none' | 'refused' | 'error' | 'timeout' | 'malformed' | 'lost';

export class FaultInjector {
  private faults: MplusTwinFaults = {};
  private dice = new Prng(Date.now());
  /** Faults injected since start or reset. */
  count = 0;

  get current(): MplusTwinFaults {
    return this.faults;
  }

  set(faults: MplusTwinFaults): void {
    this.faults = faults;
    this.dice = new Prng(faults.seed ?? Date.now());
  }

  clear(): void {
    this.set({});
    this.count = 0;
  }

  latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  decide(operation: string): FaultDecision {
    const f = this.faults;
    if (f.refuse?.includes(operation)) {
      this.count++;
      return 'refused';
    }
    if (f.operations && !f.operations.includes(operation)) return 'none';
    let decision: FaultDecision = 'none';
    if (f.timeoutRate && this.dice.chance(f.timeoutRate)) decision = 'timeout';
    else if (f.errorRate && this.dice.chance(f.errorRate)) decision = 'error';
    else if (f.malformedRate && this.dice.chance(f.malformedRate)) decision = 'malformed';
    else if (f.lostResponseRate && this.dice.chance(f.lostResponseRate)) decision = 'lost';
    if (decision !== 'none') this.count++;
    return decision;
  }

  errorStatus(): number {
    return this.dice.pick(this.faults.statuses ?? [500, 502, 503]);
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import { messageIn, type RunMessage } from '../../shared/flow/run-messages';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';
import { memoryFlow, sampleOrders } from './testing/memory-flow';
import { TestClock } from './testing/test-clock';
import { WaitingSystem } from './testing/waiting-system';

const fixtures: EngineFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
});

describe('waits of a connection', () => {
  it("are told in the run's log once per wait, and no longer once the run ended", async () => {
    const system = new WaitingSystem();
    // The engine's clock far from the wall clock's (its default start, 2026-01-05): the wait's end
    // and the event's time must both come from the engine's.
    const fixture = engineFixture({ system, clock: new TestClock() });
    fixtures.push(fixture);
    system.seed('orders', sampleOrders(5));
    // Source and target share the client: one subscription, so one line per wait.
    const result = await fixture.engine.run({ flow: memoryFlow({}), trigger: 'manual' });
    expect(result.status).toBe('succeeded');
    const logs = fixture.eventsOf(result.runId).filter((event) => event.type === 'log');
    expect(logs).toHaveLength(1);
    const [wait] = logs;
    expect(wait).toMatchObject({
      level: 'info',
      message: 'Test allows 2 calls a minute: the next call waits 59 s.',
      text: { code: 'rateLimitWait', params: { system: 'Test', limit: 2, windowS: 60, waitS: 59 } },
    });
    expect(wait && messageIn(wait as { message: string; text?: RunMessage }, 'nl')).toBe(
      'Test staat 2 calls per minuut toe: de volgende call wacht 59 s.',
    );
    // Until when, for screens that count down: 58.4 s after it was told.
    const until = wait?.type === 'log' && wait.until ? Date.parse(wait.until) : NaN;
    expect(until - Date.parse(wait?.at ?? '')).toBe(58_400);
    expect(system.listeners.size).toBe(0);
  });
});

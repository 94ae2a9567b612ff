/**
 * `npm run bench -- teamleader [--per-minute 1200] [--window 10] [--duration 60] [--workers 16]`
 *
 * A burst of writes (contacts.add) against the Teamleader twin with its rate limit set, through the
 * real client (one connection, one limiter). The twin's window is shortened (default 10 s, so
 * 1,200/min = 200 per window) so the run reaches steady state within a minute.
 *
 * Prints: calls/min achieved in steady state (after the first window, whose initial burst is allowed
 * by any sliding window) as a percentage of the limit, the busiest sliding window seen, 429s
 * received, and failed calls. Target: ≥95% of the limit and no failed calls.
 */
import { parseArgs } from 'node:util';
import { connectTwinClient } from '../main/connectors/teamleader/simulator/testing';
import { startTeamleaderTwin } from '../main/connectors/teamleader/simulator/twin';

const { values } = parseArgs({
  options: {
    'per-minute': { type: 'string', default: '1200' },
    window: { type: 'string', default: '10' },
    duration: { type: 'string', default: '60' },
    workers: { type: 'string', default: '16' },
  },
});
const perMinute = Number(values['per-minute']);
const windowMs = Number(values.window) * 1000;
const durationMs = Number(values.duration) * 1000;
const workers = Number(values.workers);
const perWindow = Math.round((perMinute * windowMs) / 60_000);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function main(): Promise<void> {
  const twin = await startTeamleaderTwin({
    seed: 1,
    rateLimitPerMinute: perWindow,
    rateLimitWindowMs: windowMs,
  });
  const completions: number[] = [];
  const sends: number[] = [];
  const latencies: number[] = [];
  let failed = 0;
  try {
    // The client gets the twin's window length but five times its limit: it has to learn the real
    // limit from the X-RateLimit-Limit header of its first answers.
    const { client } = await connectTwinClient(twin, {
      rateLimitPerMinute: perWindow * 5,
      rateLimitWindowMs: windowMs,
      onRequest: (info) => {
        if (info.outcome === 'ok') {
          const now = performance.now();
          completions.push(now);
          sends.push(now - info.durationMs);
          latencies.push(info.durationMs);
        }
      },
    });
    console.log(
      `Teamleader bench: contacts.add for ${durationMs / 1000} s, limit ${perMinute}/min ` +
        `(${perWindow} per ${windowMs / 1000} s window), ${workers} workers`,
    );
    const start = performance.now();
    const deadline = start + durationMs;
    let n = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (performance.now() < deadline) {
          try {
            await client.contacts.add({ first_name: 'Bench', last_name: `Contact ${++n}` });
          } catch (error) {
            failed++;
            console.error(error instanceof Error ? error.message : error);
          }
        }
      }),
    );
    const end = performance.now();
    const steady = completions.filter((t) => t >= start + windowMs && t <= start + durationMs);
    const steadyPerMinute = (steady.length / (durationMs - windowMs)) * 60_000;
    // Busiest sliding window by send time (what the server counts).
    sends.sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; i < sends.length; i++) {
      const t = sends[i] ?? 0;
      while ((sends[j] ?? Infinity) <= t - windowMs) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const stats = client.stats();
    const created = stats.calls['contacts.add'] ?? 0;
    console.log(
      `  calls completed          ${completions.length} in ${((end - start) / 1000).toFixed(1)} s (${created} sent)`,
    );
    console.log(
      `  steady state (after ${windowMs / 1000} s)  ${steadyPerMinute.toFixed(0)} calls/min = ` +
        `${((steadyPerMinute / perMinute) * 100).toFixed(1)}% of the limit`,
    );
    console.log(
      `  busiest sliding window   ${busiest} of ${perWindow} allowed (${((busiest / perWindow) * 100).toFixed(1)}%)`,
    );
    console.log(`  429s received            ${stats.rateLimited}`);
    console.log(`  retries                  ${stats.retries}`);
    console.log(`  failed calls             ${failed}`);
    console.log(
      `  latency p50 / p95        ${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 95).toFixed(1)} ms`,
    );
    const ok = steadyPerMinute >= perMinute * 0.95 && failed === 0;
    console.log(ok ? '  target met (≥95% of the limit, no failed calls)' : '  TARGET MISSED');
    if (!ok) process.exitCode = 1;
  } finally {
    await twin.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import { connectTwinClient } from '../../connectors/teamleader/simulator/testing';
import { startTeamleaderTwin, type TeamleaderTwin } from '../../connectors/teamleader/simulator/twin';
import { RunShared } from '../../engine/run-shared';
import { TEAMLEADER_REFERENCE, TeamleaderReference } from './reference';

let twin: TeamleaderTwin;
let client: TeamleaderClient;

beforeAll(async () => {
  twin = await startTeamleaderTwin({ seed: 3, rateLimitPerMinute: 100_000 });
  ({ client } = await connectTwinClient(twin));
});
afterAll(async () => {
  await twin.close();
});

const admin = async (path: string, body?: unknown) => {
  const response = await fetch(`${twin.adminUrl}/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as { calls: Record<string, number> };
};
const departmentReads = async () => (await admin('stats')).calls['departments.list'] ?? 0;

/** The account's reference lists, against the Teamleader twin over HTTP. */
describe('Teamleader reference lists', () => {
  it('are read once for callers at the same time and after, once per run for every node of the run', async () => {
    const before = await departmentReads();
    const reference = new TeamleaderReference(client);
    const [first, second] = await Promise.all([reference.departments(), reference.departments()]);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toBe(first);
    await reference.departmentId('');
    expect((await departmentReads()) - before).toBe(1);

    // Two nodes of one run ask for the client's reference: the same one; another run has its own.
    const run = new RunShared(new AbortController().signal);
    expect(run.get(TEAMLEADER_REFERENCE, client)).toBe(run.get(TEAMLEADER_REFERENCE, client));
    const next = new RunShared(new AbortController().signal);
    expect(next.get(TEAMLEADER_REFERENCE, client)).not.toBe(run.get(TEAMLEADER_REFERENCE, client));
  });

  it('read again after a failed read, so a record retried later does not get the old failure', async () => {
    const reference = new TeamleaderReference(client);
    // A permanent refusal: the client does not retry it itself.
    await admin('faults', { errorRate: 1, statuses: [400], operations: ['departments.list'] });
    try {
      await expect(reference.departments()).rejects.toMatchObject({ code: 'teamleader_permanent' });
    } finally {
      await admin('faults', {});
    }
    const before = await departmentReads();
    expect((await reference.departments()).length).toBeGreaterThan(0);
    expect((await departmentReads()) - before).toBe(1);
  });

  it('give each tax rate in percent by id, as the API fraction times 100', async () => {
    const reference = new TeamleaderReference(client);
    const rates = await reference.taxRates();
    const percents = await reference.taxPercents();
    expect(rates.length).toBeGreaterThan(0);
    expect(percents.size).toBe(rates.filter((r) => r.id && typeof r.rate === 'number').length);
    for (const rate of rates) {
      if (!rate.id || typeof rate.rate !== 'number') continue;
      expect(percents.get(rate.id)).toBeCloseTo(rate.rate * 100, 6);
      expect(await reference.taxPercent(rate.id)).toBe(percents.get(rate.id));
    }
    expect([...percents.values()]).toContain(21);
    expect(await reference.taxPercent('no-such-rate')).toBeUndefined();
    expect(await reference.taxPercent(undefined)).toBeUndefined();
  });
});

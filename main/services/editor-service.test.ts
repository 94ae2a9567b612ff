import { afterEach, describe, expect, it } from 'vitest';
import { apiCalls, type CallOutput } from '../../shared/api/contract';
import { sampleFlow } from '../../shared/flow/testing/sample-flow';
import { appFixture, type AppFixture } from '../engine/testing/app-fixture';
import { engineFixture, type EngineFixture } from '../engine/testing/engine-fixture';
import { lastRunRecords } from './editor-service';

describe('last run records', () => {
  let fixture: EngineFixture | undefined;
  afterEach(() => fixture?.cleanup());

  it('reads the source records of the flow’s newest run from the real store', async () => {
    fixture = engineFixture();
    fixture.system.seed('orders', [
      { id: 'o-1', orderNumber: 'A-1' },
      { id: 'o-2', orderNumber: 'A-2' },
    ]);
    expect(lastRunRecords(fixture.store, 'flow-1', 5)).toEqual([]);
    await fixture.engine.run({ flow: sampleFlow(), trigger: 'manual' });
    expect(lastRunRecords(fixture.store, 'flow-1', 5)).toEqual([
      { key: 'memory:orders:o-1', data: { id: 'o-1', orderNumber: 'A-1' } },
      { key: 'memory:orders:o-2', data: { id: 'o-2', orderNumber: 'A-2' } },
    ]);
    expect(lastRunRecords(fixture.store, 'flow-1', 1)).toHaveLength(1);
    expect(lastRunRecords(fixture.store, 'other', 5)).toEqual([]);
  });
});

describe('editor.choices', () => {
  let fixture: AppFixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  async function choices(input: unknown): Promise<CallOutput<'editor.choices'>> {
    fixture ??= await appFixture();
    const result = await fixture.app.dispatch('editor.choices', input);
    if (!result.ok) throw new Error(`editor.choices: ${result.error.code}: ${result.error.message}`);
    return apiCalls['editor.choices'].output.parse(result.output);
  }

  it("reads one system's lists through the default connection: the sandbox's twins, started on demand", async () => {
    const { mplus, teamleader } = await choices({ system: 'mplus' });
    expect(teamleader).toBeUndefined();
    if (!mplus?.ok) throw new Error(JSON.stringify(mplus));
    expect(mplus.connectionId).toBe('sandbox-mplus');
    expect(mplus.data.vatCodes.map(({ value, rate }) => [value, rate])).toEqual([
      [1, 9],
      [2, 21],
      [3, 0],
    ]);
    expect(mplus.data.branches.map((branch) => branch.value)).toEqual([1, 2]);
    expect(mplus.data.employees.map((employee) => employee.value)).toContain(999999);

    const read = (await choices({ system: 'teamleader', connectionId: 'sandbox-teamleader' })).teamleader;
    if (!read?.ok) throw new Error(JSON.stringify(read));
    expect(read.data.departments.map((department) => department.value)).toContain('Koppel Demo BV');
    expect(read.data.taxRates['Koppel Demo BV']?.map((rate) => rate.value)).toEqual([21, 12, 6, 0]);
  }, 60_000);

  it('says why a list could not be read: a connection that is gone, or one of the other system', async () => {
    expect((await choices({ system: 'mplus', connectionId: 'shop-2' })).mplus).toEqual({
      ok: false,
      connectionId: 'shop-2',
      message: expect.stringContaining('"shop-2"'),
    });
    expect((await choices({ system: 'mplus', connectionId: 'sandbox-teamleader' })).mplus).toMatchObject({
      ok: false,
      message: expect.stringMatching(/teamleader, not mplus/),
    });
  }, 60_000);
});

import { afterEach, describe, expect, it } from 'vitest';
import { sampleFlow } from '../../shared/flow/testing/sample-flow';
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

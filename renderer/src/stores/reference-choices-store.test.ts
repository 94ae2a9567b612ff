import { beforeAll, describe, expect, it } from 'vitest';
import type { MplusChoices } from '../../../shared/api/calls/wizard';
import { setApiClient } from '../api/api';
import { scriptedClient } from '../api/testing/scripted-client';
import { choicesKey, useReferenceChoicesStore } from './reference-choices-store';

const till: MplusChoices = {
  employees: [{ value: 4, label: 'Willem Claes' }],
  vatCodes: [],
  turnoverGroups: [],
  branches: [],
  paymentMethods: [],
  deliveryMethods: [],
};

describe("the systems' lists store", () => {
  const asked: unknown[] = [];
  let reachable = false;

  beforeAll(() => {
    setApiClient(
      scriptedClient({
        'editor.choices': (input) => {
          asked.push(input);
          return reachable
            ? { mplus: { ok: true, connectionId: 'till', data: till } }
            : { mplus: { ok: false, connectionId: 'till', message: 'The till did not answer.' } };
        },
      }),
    );
  });

  it('reads a list once, asks again after a failure, and reads anew after clear', async () => {
    const store = useReferenceChoicesStore.getState();
    const key = choicesKey('mplus', 'till');
    await store.load('mplus', 'till');
    expect(useReferenceChoicesStore.getState().bySource[key]).toEqual({
      state: 'failed',
      reason: 'The till did not answer.',
    });
    reachable = true;
    await store.load('mplus', 'till');
    expect(useReferenceChoicesStore.getState().bySource[key]).toEqual({ state: 'ready', mplus: till });
    await store.load('mplus', 'till');
    expect(asked).toEqual([
      { system: 'mplus', connectionId: 'till' },
      { system: 'mplus', connectionId: 'till' },
    ]);
    store.clear();
    await store.load('mplus', undefined);
    expect(asked.at(-1)).toEqual({ system: 'mplus' });
    expect(Object.keys(useReferenceChoicesStore.getState().bySource)).toEqual([
      choicesKey('mplus', undefined),
    ]);
  });

  it('reads a list again when asked, offering what it read meanwhile, once for two asks at a time', async () => {
    reachable = true;
    const store = useReferenceChoicesStore.getState();
    const key = choicesKey('mplus', 'till');
    await store.load('mplus', 'till');
    const before = asked.length;
    const first = store.reload('mplus', 'till');
    const second = store.reload('mplus', 'till');
    // Still offered while the till is asked.
    expect(useReferenceChoicesStore.getState().bySource[key]).toEqual({ state: 'ready', mplus: till });
    await Promise.all([first, second]);
    expect(asked.length - before).toBe(1);
    // A reload that fails says so (the inspector shows why, and a typed value is kept).
    reachable = false;
    await store.reload('mplus', 'till');
    expect(useReferenceChoicesStore.getState().bySource[key]).toEqual({
      state: 'failed',
      reason: 'The till did not answer.',
    });
  });
});

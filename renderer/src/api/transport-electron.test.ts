import { describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../../shared/api/api-messages';
import type { KoppelBridge } from '../../../shared/api/bridge';
import { electronTransport } from './transport-electron';

describe('the desktop transport', () => {
  it('answers a call the preload does not offer (an older preload) with the dispatcher’s coded words', async () => {
    // The preload's bridge without `flows.list`: only Electron can build the real one.
    const olderBridge = {
      flows: {},
      events: { subscribe: () => () => undefined },
    } as unknown as KoppelBridge;
    const result = await electronTransport(olderBridge).call('flows.list', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown_call',
        message: 'Unknown call flows.list.',
        text: { code: 'unknownCall', params: { name: 'flows.list' } },
      },
    });
    expect(result.ok ? '' : apiMessageIn(result.error, 'nl')).toBe('Onbekende aanroep flows.list.');
  });
});

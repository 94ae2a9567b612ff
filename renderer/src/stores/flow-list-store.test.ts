import { beforeAll, describe, expect, it } from 'vitest';
import { apiMessage } from '../../../shared/api/api-messages';
import { KoppelError } from '../../../shared/api/errors';
import { setApiClient } from '../api/api';
import { failureText } from '../api/failure-text';
import { scriptedClient } from '../api/testing/scripted-client';
import { useFlowListStore } from './flow-list-store';

describe('flow list store: a failed call', () => {
  let failing = true;

  beforeAll(() => {
    setApiClient(
      scriptedClient({
        'flows.list': () => {
          if (failing)
            throw new KoppelError('invalid_output', apiMessage('invalidCallOutput', { name: 'flows.list' }));
          return { flows: [] };
        },
        'templates.list': () => {
          throw new KoppelError('unknown_call', apiMessage('unknownCall', { name: '"templates.list"' }));
        },
      }),
    );
  });

  it('keeps the failure with its code (not a sentence), to be worded when shown', async () => {
    await useFlowListStore.getState().load();
    const { error } = useFlowListStore.getState();
    expect(error).toEqual({
      message: 'Koppel produced an invalid answer for flows.list.',
      text: { code: 'invalidCallOutput', params: { name: 'flows.list' } },
    });
    expect(failureText(error, 'nl')).toBe('Koppel gaf een ongeldig antwoord op flows.list.');
    expect(failureText(error, 'en')).toBe('Koppel produced an invalid answer for flows.list.');
  });

  it('a refused template list keeps its code too, and leaves the list empty', async () => {
    await useFlowListStore.getState().loadTemplates();
    const { templates, error } = useFlowListStore.getState();
    expect(templates).toEqual([]);
    expect(error?.text).toEqual({ code: 'unknownCall', params: { name: '"templates.list"' } });
    expect(failureText(error, 'nl')).toBe('Onbekende aanroep "templates.list".');
  });

  it('a later load that works clears it', async () => {
    failing = false;
    await useFlowListStore.getState().load();
    expect(useFlowListStore.getState()).toMatchObject({ flows: [], error: null });
  });
});

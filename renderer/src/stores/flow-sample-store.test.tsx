import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiMessage } from '../../../shared/api/api-messages';
import { KoppelError } from '../../../shared/api/errors';
import { sampleFlow } from '../../../shared/flow/testing/sample-flow';
import { setApiClient } from '../api/api';
import { scriptedClient } from '../api/testing/scripted-client';
import { SampleBar } from '../editor/mapper/SampleBar';
import { initTranslations } from '../i18n/i18n';
import { useFlowSampleStore } from './flow-sample-store';

const ignore = () => undefined;

describe('flow sample store: a refused sample', () => {
  beforeAll(async () => {
    await initTranslations('nl');
    setApiClient(
      scriptedClient({
        'editor.sample': () => {
          throw new KoppelError('invalid_output', apiMessage('invalidCallOutput', { name: 'editor.sample' }));
        },
      }),
    );
  });

  it('keeps the code in the entry, and the sample bar words it in Dutch (and in English after a switch)', async () => {
    const flow = sampleFlow();
    const nodeId = flow.nodes[1]?.id ?? '';
    await useFlowSampleStore.getState().fetch(flow, nodeId, 'key-1');
    const entry = useFlowSampleStore.getState().samples[nodeId];
    expect(entry).toMatchObject({
      key: 'key-1',
      status: 'error',
      sample: null,
      error: {
        message: 'Koppel produced an invalid answer for editor.sample.',
        text: { code: 'invalidCallOutput', params: { name: 'editor.sample' } },
      },
    });

    const bar = () => renderToStaticMarkup(<SampleBar entry={entry} onFetch={ignore} />);
    expect(bar()).toContain('Geen voorbeeld: Koppel gaf een ongeldig antwoord op editor.sample.');
    await i18next.changeLanguage('en');
    expect(bar()).toContain('No sample: Koppel produced an invalid answer for editor.sample.');
    expect(bar()).not.toContain('Koppel gaf');
  });
});

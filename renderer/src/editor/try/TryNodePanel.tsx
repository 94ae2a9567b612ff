import { Play } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorNodeTest } from '../../../../shared/api/calls/editor';
import { skipReasonsText } from '../../../../shared/flow/skip-reasons';
import { api } from '../../api/api';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { useLanguage } from '../../i18n/useLanguage';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { SampleBar } from '../mapper/SampleBar';
import { useNodeSample } from '../useNodeSample';
import { messageIn } from '../../../../shared/flow/run-messages';

/**
 * "Try it" for one node: feeds it the sample record (or reads one) and shows what it does with it,
 * with the engine's real executor: the records it passes on, why it skips, the request a target
 * would send (nothing is written), or its error.
 */
export function TryNodePanel({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const { entry, refetch } = useNodeSample(nodeId);
  const [result, setResult] = useState<EditorNodeTest | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    const flow = useFlowEditorStore.getState().document();
    if (!flow) return;
    setRunning(true);
    setError(null);
    try {
      const record = entry?.sample?.record ?? undefined;
      setResult(await api().editor.testNode({ flow, nodeId, ...(record ? { record } : {}) }));
    } catch (failure) {
      setResult(null);
      setError(failureOf(failure));
    } finally {
      setRunning(false);
    }
  };

  const outcome = result?.outcome;
  return (
    <div className="ed-try" data-testid="try-node">
      <SampleBar entry={entry} onFetch={refetch} />
      <button
        type="button"
        className="button button-primary ed-small"
        onClick={() => void run()}
        disabled={running}
        data-testid="try-node-run"
      >
        <Play size={14} aria-hidden="true" />
        {running ? t('editor.try.running') : t('editor.try.runNode')}
      </button>
      <p className="ed-field-note">{t('editor.try.safe')}</p>
      <div aria-live="polite" data-testid="try-node-result">
        {error && (
          <p className="ed-error-text" role="alert">
            {failureWords(error)}
          </p>
        )}
        {result && (
          <>
            {result.input && (
              <details>
                <summary>{t('editor.try.input')}</summary>
                <pre className="ed-json">{JSON.stringify(result.input, null, 2)}</pre>
              </details>
            )}
            {outcome?.kind === 'emit' && (
              <>
                <p className="ed-ok-text">
                  {t('editor.try.emitted', { count: outcome.outputs.length, ms: result.durationMs })}
                </p>
                {outcome.outputs.map((output, index) => (
                  <pre key={index} className="ed-json" data-port={output.port}>
                    {JSON.stringify(output.record, null, 2)}
                  </pre>
                ))}
              </>
            )}
            {outcome?.kind === 'write' && (
              <>
                <p className="ed-ok-text">
                  {outcome.action === 'skip'
                    ? t('editor.try.wouldSkip', {
                        reason: outcome.skipReason ? skipReasonsText([outcome.skipReason], locale, '') : '',
                      })
                    : t(`editor.try.would.${outcome.action}`)}
                </p>
                <pre className="ed-json">{JSON.stringify(outcome.request, null, 2)}</pre>
              </>
            )}
            {outcome?.kind === 'skip' && (
              <p className="ed-warn-text">
                {t('editor.try.skipped', { reason: skipReasonsText([outcome.reason], locale, '') })}
              </p>
            )}
            {outcome?.kind === 'fail' && (
              <p className="ed-error-text" role="alert">
                {messageIn(outcome.error, locale)}
              </p>
            )}
            {result.logs.length > 0 && (
              <ul className="ed-logs">
                {result.logs.map((line, index) => (
                  <li key={index} className={`ed-log-${line.level}`}>
                    {messageIn(line, locale)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorNodeTest } from '../../../../shared/api/calls/editor';
import type { JsonObject } from '../../../../shared/flow/json';
import { skipReasonsText } from '../../../../shared/flow/skip-reasons';
import { api } from '../../api/api';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { useLanguage } from '../../i18n/useLanguage';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { messageIn } from '../../../../shared/flow/run-messages';

/**
 * The mapped output for the sample, as the engine's own map executor computes it (expressions run
 * in the sandbox), refreshed shortly after every change.
 */
export function MappingPreview({
  nodeId,
  configKey,
  record,
  missing,
}: {
  nodeId: string;
  /** Changes whenever the node's config does. */
  configKey: string;
  record: JsonObject | null;
  missing: readonly string[];
}) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const [result, setResult] = useState<EditorNodeTest | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!record) return;
    let live = true;
    const timer = setTimeout(() => {
      const flow = useFlowEditorStore.getState().document();
      if (!flow) return;
      setBusy(true);
      api()
        .editor.testNode({ flow, nodeId, record })
        .then((next) => live && (setResult(next), setError(null)))
        .catch((failure: unknown) => live && setError(failureOf(failure)))
        .finally(() => live && setBusy(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [nodeId, configKey, record]);

  const outcome = result?.outcome;
  return (
    <section
      className="ed-preview"
      aria-labelledby="mapper-preview-title"
      aria-busy={busy}
      data-testid="mapping-preview"
    >
      <h4 id="mapper-preview-title">{t('editor.mapper.preview')}</h4>
      {missing.length > 0 && (
        <p className="ed-warn-text" data-testid="mapper-missing">
          {t('editor.mapper.missingRequired', { count: missing.length, fields: missing.join(', ') })}
        </p>
      )}
      {!record ? (
        <p className="ed-muted">{t('editor.mapper.previewNeedsSample')}</p>
      ) : error ? (
        <p className="ed-error-text" role="alert">
          {failureWords(error)}
        </p>
      ) : outcome?.kind === 'emit' ? (
        <pre className="ed-json" data-testid="mapping-preview-output">
          {JSON.stringify(outcome.outputs[0]?.record ?? {}, null, 2)}
        </pre>
      ) : outcome?.kind === 'fail' ? (
        <p className="ed-error-text" role="alert">
          {messageIn(outcome.error, locale)}
        </p>
      ) : outcome?.kind === 'skip' ? (
        <p className="ed-muted">{skipReasonsText([outcome.reason], locale, '')}</p>
      ) : (
        <p className="ed-muted">{t('editor.mapper.previewLoading')}</p>
      )}
    </section>
  );
}

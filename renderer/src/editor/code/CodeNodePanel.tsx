import { FlaskConical } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorCodeTest } from '../../../../shared/api/calls/editor';
import { messageIn } from '../../../../shared/flow/run-messages';
import { api } from '../../api/api';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import type { FormField } from '../form/form-model';
import { SampleBar } from '../mapper/SampleBar';
import { inputSchemaOf } from '../model/record-schemas';
import { useLanguage } from '../../i18n/useLanguage';
import { useNodeSample } from '../useNodeSample';
import { CodeField } from './CodeField';
import { recordDeclaration, schemaOfSample } from './schema-to-dts';

interface CodeNodePanelProps {
  nodeId: string;
  field: FormField;
  config: Record<string, unknown>;
  onChange(config: Record<string, unknown>, key: string): void;
}

/**
 * The code node's body in Monaco, with `record` typed from the upstream schema (or, for an untyped
 * input, from the sample), and "Test": the code runs in the sandbox on the sample and the output
 * or the error (marked at its line) is shown.
 */
export function CodeNodePanel({ nodeId, field, config, onChange }: CodeNodePanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const failureWords = useFailureText();
  const { entry, refetch } = useNodeSample(nodeId);
  const edges = useFlowEditorStore((state) => state.edges);
  const [result, setResult] = useState<EditorCodeTest | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const code = typeof config[field.key] === 'string' ? String(config[field.key]) : '';
  const record = entry?.sample?.record ?? null;

  // The input's shape follows the edges (and the sample), not every store change.
  const declaration = useMemo(() => {
    const state = useFlowEditorStore.getState();
    const schema = inputSchemaOf(nodeId, { ...state, edges }) ?? (record ? schemaOfSample(record) : null);
    return recordDeclaration(schema);
  }, [nodeId, edges, record]);

  useEffect(() => setResult(null), [code]);

  const test = async () => {
    if (!record) return;
    setRunning(true);
    setFailure(null);
    try {
      const limits = {
        ...(typeof config.timeLimitMs === 'number' ? { timeLimitMs: config.timeLimitMs } : {}),
        ...(typeof config.memoryLimitMb === 'number' ? { memoryLimitMb: config.memoryLimitMb } : {}),
      };
      setResult(await api().editor.testCode({ code, record, ...limits }));
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setRunning(false);
    }
  };

  const marker =
    result && !result.ok && result.error.line !== undefined
      ? {
          line: result.error.line,
          ...(result.error.column !== undefined ? { column: result.error.column } : {}),
          message: messageIn(result.error, language),
        }
      : null;

  return (
    <div className="ed-code-panel">
      <SampleBar entry={entry} onFetch={refetch} />
      <p className="ed-field-note">{field.description?.[language]}</p>
      <CodeField
        value={code}
        onChange={(value) => onChange({ ...config, [field.key]: value }, field.key)}
        declaration={declaration}
        marker={marker}
        label={field.title[language]}
        path={nodeId}
      />
      <div className="ed-code-actions">
        <button
          type="button"
          className="button button-primary ed-small"
          onClick={() => void test()}
          disabled={!record || running}
          data-testid="code-test"
        >
          <FlaskConical size={14} aria-hidden="true" />
          {running ? t('editor.code.testing') : t('editor.code.test')}
        </button>
        {!record && <span className="ed-muted">{t('editor.code.needsSample')}</span>}
      </div>
      <div aria-live="polite" data-testid="code-result">
        {failure && <p className="ed-error-text">{failureWords(failure)}</p>}
        {result?.ok === true && (
          <>
            <p className="ed-ok-text">
              {result.output === null
                ? t('editor.code.skipped')
                : t('editor.code.output', { ms: result.durationMs })}
            </p>
            {result.output !== null && (
              <pre className="ed-json">{JSON.stringify(result.output, null, 2)}</pre>
            )}
          </>
        )}
        {result?.ok === false && (
          <p className="ed-error-text" role="alert">
            {result.error.line !== undefined
              ? t('editor.code.errorAt', {
                  line: result.error.line,
                  message: messageIn(result.error, language),
                })
              : messageIn(result.error, language)}
          </p>
        )}
      </div>
    </div>
  );
}

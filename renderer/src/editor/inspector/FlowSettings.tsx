import { useTranslation } from 'react-i18next';
import { FlowPayloadLogging } from '../../../../shared/flow/flow-document';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { useLanguage } from '../../i18n/useLanguage';
import { problemTextIn } from '../problems/problem-text';
import { BoundedNumberInput } from './BoundedNumberInput';
import { ScheduleEditor } from './ScheduleEditor';

/** What the inspector shows with no node selected: the flow's own settings. */
export function FlowSettings() {
  const { t } = useTranslation();
  const meta = useFlowEditorStore((state) => state.meta);
  const setMeta = useFlowEditorStore((state) => state.setMeta);
  const problems = useFlowEditorStore((state) => state.problems);
  const language = useLanguage();
  if (!meta) return null;
  const flowProblems = problems.filter((problem) => !problem.nodeId && !problem.edgeId);
  const retry = meta.settings.retry;
  return (
    <div className="ed-inspector-body" data-testid="flow-settings">
      <h3 className="ed-inspector-title">{t('editor.flow.settings')}</h3>
      {flowProblems.map((problem) => (
        <p
          key={problem.code + problem.message}
          className={problem.severity === 'error' ? 'ed-error-text' : 'ed-warn-text'}
        >
          {problemTextIn(problem, language)}
        </p>
      ))}
      <label className="ed-stack">
        <span className="ed-field-label">{t('editor.flow.name')}</span>
        <input
          type="text"
          value={meta.name}
          onChange={(event) => setMeta({ name: event.target.value }, 'meta:name')}
          data-testid="flow-name-input"
        />
      </label>
      <label className="ed-stack">
        <span className="ed-field-label">{t('editor.flow.description')}</span>
        <textarea
          rows={3}
          value={meta.description ?? ''}
          onChange={(event) => setMeta({ description: event.target.value || undefined }, 'meta:description')}
        />
      </label>
      <ScheduleEditor
        schedule={meta.schedule}
        onChange={(schedule) => setMeta({ schedule }, 'meta:schedule')}
      />
      <label className="ed-field ed-field-inline">
        <span className="ed-field-label">{t('editor.flow.enabled')}</span>
        <input
          type="checkbox"
          role="switch"
          className="ed-switch"
          checked={meta.enabled}
          onChange={(event) => setMeta({ enabled: event.target.checked })}
        />
      </label>
      <p className="ed-field-note">{t('editor.flow.enabledHelp')}</p>
      <details className="ed-advanced">
        <summary>{t('editor.form.advanced')}</summary>
        <label className="ed-stack">
          <span className="ed-field-label">{t('editor.flow.attempts')}</span>
          <BoundedNumberInput
            value={retry.attempts}
            min={1}
            max={50}
            whole
            onChange={(attempts) =>
              setMeta({ settings: { ...meta.settings, retry: { ...retry, attempts } } }, 'meta:retry')
            }
          />
        </label>
        <label className="ed-stack">
          <span className="ed-field-label">{t('editor.flow.maxDelay')}</span>
          <BoundedNumberInput
            value={retry.maxDelaySeconds}
            min={1}
            max={86400}
            whole={false}
            onChange={(maxDelaySeconds) =>
              setMeta({ settings: { ...meta.settings, retry: { ...retry, maxDelaySeconds } } }, 'meta:retry')
            }
          />
        </label>
        <label className="ed-stack">
          <span className="ed-field-label">{t('editor.flow.concurrency')}</span>
          <BoundedNumberInput
            value={meta.settings.concurrency}
            min={1}
            max={64}
            whole
            onChange={(concurrency) =>
              setMeta({ settings: { ...meta.settings, concurrency } }, 'meta:concurrency')
            }
          />
        </label>
        <label className="ed-stack">
          <span className="ed-field-label">{t('editor.flow.payloadLogging')}</span>
          <select
            value={meta.settings.payloadLogging}
            onChange={(event) =>
              setMeta({
                settings: { ...meta.settings, payloadLogging: FlowPayloadLogging.parse(event.target.value) },
              })
            }
          >
            {FlowPayloadLogging.options.map((option) => (
              <option key={option} value={option}>
                {t(`editor.flow.logging.${option}`)}
              </option>
            ))}
          </select>
        </label>
      </details>
      <p className="ed-field-note">{t('editor.flow.selectHint')}</p>
    </div>
  );
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeCatalog } from '../../../../shared/nodes/all-nodes';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { useFlowSampleStore } from '../../stores/flow-sample-store';
import { CodeNodePanel } from '../code/CodeNodePanel';
import { ConfigForm } from '../form/ConfigForm';
import { FieldChoicesContext } from '../form/field-choices';
import { FieldSuggestionsContext } from '../form/field-suggestions';
import { describeObject, issuesByField } from '../form/form-model';
import { nodeIcon } from '../icons/node-icons';
import { FieldMapper } from '../mapper/FieldMapper';
import { sourceFields, targetFields } from '../mapper/mapper-model';
import { entryOf } from '../model/catalog-index';
import type { KoppelNodeData } from '../model/editor-types';
import { inputSchemaOf, targetSchemaOf } from '../model/record-schemas';
import { problemTextIn } from '../problems/problem-text';
import { TryNodePanel } from '../try/TryNodePanel';
import { useLanguage } from '../../i18n/useLanguage';
import { NodeConnections } from './NodeConnections';
import { ScheduleEditor } from './ScheduleEditor';
import { useFieldChoicesValue } from './useFieldChoicesValue';

type Tab = 'settings' | 'try';

/**
 * The selected node: its name, a form generated from its config schema (validated live with the
 * kind's zod schema), the field mapper or the code editor where the kind has one, its
 * connections, and "Try it".
 */
export function NodeInspector({ nodeId, data }: { nodeId: string; data: KoppelNodeData }) {
  const node = { id: nodeId, data };
  const { t } = useTranslation();
  const language = useLanguage();
  const [tab, setTab] = useState<Tab>('settings');
  const catalog = useFlowEditorStore((state) => state.catalog);
  const edges = useFlowEditorStore((state) => state.edges);
  const problems = useFlowEditorStore((state) => state.problemIndex.get(node.id));
  const meta = useFlowEditorStore((state) => state.meta);
  const setNodeConfig = useFlowEditorStore((state) => state.setNodeConfig);
  const renameNode = useFlowEditorStore((state) => state.renameNode);
  const setMeta = useFlowEditorStore((state) => state.setMeta);
  const choices = useFieldChoicesValue(node.id);
  const sample = useFlowSampleStore((state) => state.samples[node.id]?.sample?.record ?? null);
  const entry = entryOf(catalog, node.data);
  const config = node.data.config;

  const fields = useMemo(() => (entry ? describeObject(entry.configSchema) : []), [entry]);
  const issues = useMemo(() => {
    const definition = nodeCatalog.get(node.data.kind, node.data.version);
    const parsed = definition?.config.safeParse(config, { reportInput: true });
    return issuesByField(parsed && !parsed.success ? parsed.error.issues : [], language);
  }, [node.data.kind, node.data.version, config, language]);
  const suggestions = useMemo(() => {
    const state = useFlowEditorStore.getState();
    const view = { ...state, edges };
    return {
      input: sourceFields(sample, inputSchemaOf(node.id, view)),
      output: targetFields(targetSchemaOf(node.id, view), []).map((field) => field.path),
    };
  }, [node.id, edges, sample]);

  if (!entry) {
    return (
      <div className="ed-inspector-body">
        <p className="ed-error-text">
          {t('editor.inspector.unknownKind', { kind: `${node.data.kind}@${node.data.version}` })}
        </p>
      </div>
    );
  }
  const Icon = nodeIcon(entry.icon);
  const mapping = fields.find((field) => field.widget === 'mapping');
  const code = fields.find((field) => field.widget === 'code');
  const rest = fields.filter((field) => field !== mapping && field !== code);
  const onChange = (next: Record<string, unknown>, key: string) =>
    setNodeConfig(node.id, next, `config:${node.id}:${key}`);
  // Config issues are shown at their fields by the form; everything else (a syntax error in the
  // code or an expression among them) is listed here.
  const general = (problems ?? []).filter((problem) => !problem.field || problem.code !== 'node.config');

  return (
    <div className="ed-inspector-body" data-testid="node-inspector" data-node-id={node.id}>
      <header className="ed-inspector-head">
        <span className={`ed-node-icon ed-cat-${entry.category}`} aria-hidden="true">
          <Icon size={18} strokeWidth={1.9} />
        </span>
        <div className="ed-inspector-names">
          <input
            type="text"
            className="ed-title-input"
            value={node.data.label ?? ''}
            placeholder={entry.label[language]}
            aria-label={t('editor.inspector.nodeName')}
            onChange={(event) => renameNode(node.id, event.target.value)}
            data-testid="node-name"
          />
          <span className="ed-muted">
            {entry.label[language]} · {t(`editor.category.${entry.category}`)}
          </span>
        </div>
      </header>
      <p className="ed-field-note">{entry.description[language]}</p>
      <div className="ed-tabs" role="tablist" aria-label={t('editor.inspector.tabs')}>
        {(['settings', 'try'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`inspector-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`inspector-panel-${name}`}
            className={tab === name ? 'ed-tab active' : 'ed-tab'}
            onClick={() => setTab(name)}
          >
            {t(`editor.inspector.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`inspector-panel-${tab}`} aria-labelledby={`inspector-tab-${tab}`}>
        {tab === 'try' ? (
          <TryNodePanel nodeId={node.id} />
        ) : (
          <FieldSuggestionsContext.Provider value={suggestions}>
            {general.length > 0 && (
              <ul className="ed-node-problems" data-testid="node-problems">
                {general.map((problem) => (
                  <li
                    key={problem.code + problem.message}
                    className={problem.severity === 'error' ? 'ed-error-text' : 'ed-warn-text'}
                  >
                    {problemTextIn(problem, language)}
                  </li>
                ))}
              </ul>
            )}
            {node.data.kind === 'core.trigger.schedule' && meta && (
              <ScheduleEditor
                schedule={meta.schedule}
                onChange={(schedule) => setMeta({ schedule }, 'meta:schedule')}
              />
            )}
            {mapping && <FieldMapper nodeId={node.id} config={config} onChange={onChange} />}
            {code && <CodeNodePanel nodeId={node.id} field={code} config={config} onChange={onChange} />}
            {rest.length > 0 && (
              <FieldChoicesContext.Provider value={choices}>
                <ConfigForm
                  fields={rest}
                  config={config}
                  root={entry.configSchema}
                  issues={issues}
                  onChange={onChange}
                />
              </FieldChoicesContext.Provider>
            )}
            {rest.length === 0 && !mapping && !code && node.data.kind !== 'core.trigger.schedule' && (
              <p className="ed-muted">{t('editor.inspector.noSettings')}</p>
            )}
            <NodeConnections node={node} />
          </FieldSuggestionsContext.Provider>
        )}
      </div>
    </div>
  );
}

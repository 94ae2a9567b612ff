import { Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { FlowSettings } from './FlowSettings';
import { NodeInspector } from './NodeInspector';

/** The right-hand panel: the selected node, the selection, or the flow's own settings. */
export function Inspector() {
  const { t } = useTranslation();
  const selectedIds = useFlowEditorStore((state) =>
    state.nodes.flatMap((node) => (node.selected ? [node.id] : [])).join(' '),
  );
  // Only the node's data: moving it must not re-render the inspector.
  const selected = useFlowEditorStore((state) => {
    const ids = selectedIds.split(' ');
    return ids.length === 1 ? state.nodes.find((node) => node.id === ids[0])?.data : undefined;
  });
  const deleteSelected = useFlowEditorStore((state) => state.deleteSelected);
  const count = selectedIds ? selectedIds.split(' ').length : 0;
  return (
    <aside className="ed-inspector" aria-label={t('editor.inspector.label')} data-testid="inspector">
      {count === 0 && <FlowSettings />}
      {count === 1 && selected && <NodeInspector key={selectedIds} nodeId={selectedIds} data={selected} />}
      {count > 1 && (
        <div className="ed-inspector-body">
          <h3 className="ed-inspector-title">{t('editor.inspector.many', { count })}</h3>
          <p className="ed-field-note">{t('editor.inspector.manyHelp')}</p>
          <button type="button" className="button button-secondary" onClick={deleteSelected}>
            <Trash2 size={14} aria-hidden="true" />
            {t('editor.inspector.deleteMany', { count })}
          </button>
        </div>
      )}
    </aside>
  );
}

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { useFlowRunStore } from '../../stores/flow-run-store';
import { nodeIcon } from '../icons/node-icons';
import { entryOf } from '../model/catalog-index';
import type { EditorNode } from '../model/editor-types';
import { nodeStatus } from '../model/node-status';
import { problemText } from '../problems/problem-text';
import { useLanguage } from '../useLanguage';
import { NodeBadge } from './NodeBadge';

const NO_PROBLEMS: never[] = [];

/**
 * One node on the canvas: icon, name, kind, its state (unconfigured / invalid / last run counts)
 * and a handle per port. Everything it shows is read from the store by id, so `data` stays plain.
 */
function KoppelNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const entry = useFlowEditorStore((state) => entryOf(state.catalog, data));
  const problems = useFlowEditorStore((state) => state.problemIndex.get(id) ?? NO_PROBLEMS);
  const counts = useFlowRunStore((state) => state.nodeCounts[id]);
  const status = nodeStatus(problems, data.config, entry);
  const Icon = nodeIcon(entry?.icon ?? 'box');
  const title = data.label || entry?.label[language] || data.kind;
  const category = entry?.category ?? 'transform';
  const inputs = entry?.inputs ?? [];
  const outputs = entry?.outputs ?? [];

  return (
    <div
      className={`ed-node ed-node-${category}${selected ? ' selected' : ''}`}
      data-state={status.state}
      data-kind={data.kind}
      data-testid={`canvas-node-${id}`}
      title={problems.map((problem) => problemText(problem.message)).join('\n') || undefined}
    >
      {inputs.map((port, index) => (
        <Handle
          key={port.id}
          id={port.id}
          type="target"
          position={Position.Left}
          style={{ top: `${((index + 1) * 100) / (inputs.length + 1)}%` }}
          aria-label={t('editor.node.inputPort', { port: port.label[language] })}
        />
      ))}
      <div className="ed-node-head">
        <span className="ed-node-icon" aria-hidden="true">
          <Icon size={16} strokeWidth={1.9} />
        </span>
        <span className="ed-node-title">{title}</span>
      </div>
      <div className="ed-node-meta">
        {data.label ? entry?.label[language] : t(`editor.category.${category}`)}
        {entry && entry.system !== 'core' ? ` · ${t(`editor.system.${entry.system}`)}` : ''}
      </div>
      <NodeBadge status={status} counts={counts} />
      {outputs.map((port, index) => (
        <Handle
          key={port.id}
          id={port.id}
          type="source"
          position={Position.Right}
          style={{ top: `${((index + 1) * 100) / (outputs.length + 1)}%` }}
          aria-label={t('editor.node.outputPort', { port: port.label[language] })}
        >
          {outputs.length > 1 && <span className="ed-port-label">{port.label[language]}</span>}
        </Handle>
      ))}
    </div>
  );
}

export const KoppelNode = memo(KoppelNodeView);

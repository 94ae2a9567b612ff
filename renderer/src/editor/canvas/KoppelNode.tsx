import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { scheduleText } from '../../screens/flows/schedule-text';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { nodeText, useFlowLanguageStore } from '../../stores/flow-language-store';
import { useFlowRunStore } from '../../stores/flow-run-store';
import { NodeGlyph } from '../icons/IconSprite';
import { entryOf } from '../model/catalog-index';
import type { EditorNode } from '../model/editor-types';
import { nodeStatus } from '../model/node-status';
import { problemTextIn } from '../problems/problem-text';
import { NodeBadge } from './NodeBadge';

const NO_PROBLEMS: never[] = [];

/**
 * One node on the canvas: icon, name, kind, its state (unconfigured / invalid / last run counts)
 * and a handle per port. Everything it shows is read from the store by id, so `data` stays plain.
 */
function KoppelNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  // nodeText rather than useTranslation: see flow-language-store.
  const language = useFlowLanguageStore((state) => state.language);
  const entry = useFlowEditorStore((state) => entryOf(state.catalog, data));
  const problems = useFlowEditorStore((state) => state.problemIndex.get(id) ?? NO_PROBLEMS);
  const counts = useFlowRunStore((state) => state.nodeCounts[id]);
  const stopped = useFlowRunStore((state) => state.nodeStopped[id] ?? 0);
  const failedNow = useFlowRunStore((state) =>
    state.nodeFailedNow === null ? undefined : (state.nodeFailedNow[id] ?? 0),
  );
  const status = nodeStatus(problems, data.config, entry);
  // A schedule trigger without a name of its own is named by the flow's schedule, which it follows.
  const schedule = useFlowEditorStore((state) =>
    data.kind === 'core.trigger.schedule' && !data.label ? state.meta?.schedule : undefined,
  );
  const title =
    data.label || (schedule && scheduleText(nodeText, schedule)) || entry?.label[language] || data.kind;
  const category = entry?.category ?? 'transform';
  const inputs = entry?.inputs ?? [];
  const outputs = entry?.outputs ?? [];

  return (
    <div
      className={`ed-node ed-node-${category}${selected ? ' selected' : ''}`}
      data-state={status.state}
      data-kind={data.kind}
      data-testid={`canvas-node-${id}`}
      title={problems.map((problem) => problemTextIn(problem, language)).join('\n') || undefined}
    >
      {inputs.map((port, index) => (
        <Handle
          key={port.id}
          id={port.id}
          type="target"
          position={Position.Left}
          style={{ top: `${((index + 1) * 100) / (inputs.length + 1)}%` }}
          aria-label={nodeText('editor.node.inputPort', { port: port.label[language] })}
        />
      ))}
      <div className="ed-node-head">
        <span className="ed-node-icon" aria-hidden="true">
          <NodeGlyph name={entry?.icon ?? 'box'} size={16} />
        </span>
        <span className="ed-node-title">{title}</span>
      </div>
      <div className="ed-node-meta">
        {data.label || schedule ? entry?.label[language] : nodeText(`editor.category.${category}`)}
        {entry && entry.system !== 'core' ? ` · ${nodeText(`editor.system.${entry.system}`)}` : ''}
      </div>
      <NodeBadge status={status} counts={counts} stopped={stopped} failedNow={failedNow} />
      {outputs.map((port, index) => (
        <Handle
          key={port.id}
          id={port.id}
          type="source"
          position={Position.Right}
          style={{ top: `${((index + 1) * 100) / (outputs.length + 1)}%` }}
          aria-label={nodeText('editor.node.outputPort', { port: port.label[language] })}
        >
          {outputs.length > 1 && <span className="ed-port-label">{port.label[language]}</span>}
        </Handle>
      ))}
    </div>
  );
}

export const KoppelNode = memo(KoppelNodeView);

import { Unlink } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { useFlowToastStore } from '../../stores/flow-toast-store';
import { refusalText } from '../canvas/refusal-text';
import { useNodeNamer, useRecordTypeLabel } from '../canvas/useNodeNamer';
import { entryOf } from '../model/catalog-index';
import { checkConnection } from '../model/connection-rules';
import type { KoppelNodeData } from '../model/editor-types';
import { useLanguage } from '../../i18n/useLanguage';

/**
 * The node's connections as a list, so edges can be made and removed with the keyboard: for each
 * output, where it goes and a choice of the nodes it may feed (only those the rules allow).
 */
export function NodeConnections({ node }: { node: { id: string; data: KoppelNodeData } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nodes = useFlowEditorStore((state) => state.nodes);
  const edges = useFlowEditorStore((state) => state.edges);
  const catalog = useFlowEditorStore((state) => state.catalog);
  const connect = useFlowEditorStore((state) => state.connect);
  const onEdgesChange = useFlowEditorStore((state) => state.onEdgesChange);
  const showToast = useFlowToastStore((state) => state.show);
  const nameOf = useNodeNamer();
  const typeLabel = useRecordTypeLabel();
  const entry = entryOf(catalog, node.data);
  if (!entry) return null;
  const byId = new Map(nodes.map((candidate) => [candidate.id, candidate] as const));
  const incoming = edges.filter((edge) => edge.target === node.id);
  const remove = (id: string) => onEdgesChange([{ type: 'remove', id }]);

  return (
    <section className="ed-connections" aria-labelledby="node-connections-title">
      <h4 id="node-connections-title">{t('editor.connections.title')}</h4>
      {entry.inputs.length > 0 && (
        <div>
          <p className="ed-field-note">{t('editor.connections.from')}</p>
          {incoming.length === 0 && <p className="ed-warn-text">{t('editor.connections.noInput')}</p>}
          <ul className="ed-edge-list">
            {incoming.map((edge) => {
              const source = byId.get(edge.source);
              return (
                <li key={edge.id}>
                  <span>{source ? nameOf(source) : edge.source}</span>
                  <button
                    type="button"
                    className="ed-icon-button"
                    onClick={() => remove(edge.id)}
                    aria-label={t('editor.connections.remove', {
                      node: source ? nameOf(source) : edge.source,
                    })}
                  >
                    <Unlink size={13} aria-hidden="true" />
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {entry.outputs.map((port) => {
        const outgoing = edges.filter(
          (edge) => edge.source === node.id && (edge.sourceHandle ?? 'out') === port.id,
        );
        const candidates = nodes.filter(
          (candidate) =>
            candidate.id !== node.id &&
            checkConnection(
              { source: node.id, sourceHandle: port.id, target: candidate.id },
              nodes,
              edges,
              catalog,
              nameOf,
            ).ok,
        );
        const label = entry.outputs.length > 1 ? port.label[language] : t('editor.connections.to');
        return (
          <div key={port.id}>
            <p className="ed-field-note">{label}</p>
            <ul className="ed-edge-list">
              {outgoing.map((edge) => {
                const target = byId.get(edge.target);
                return (
                  <li key={edge.id}>
                    <span>{target ? nameOf(target) : edge.target}</span>
                    <button
                      type="button"
                      className="ed-icon-button"
                      onClick={() => remove(edge.id)}
                      aria-label={t('editor.connections.remove', {
                        node: target ? nameOf(target) : edge.target,
                      })}
                    >
                      <Unlink size={13} aria-hidden="true" />
                    </button>
                  </li>
                );
              })}
            </ul>
            <select
              value=""
              aria-label={t('editor.connections.connectTo', { port: port.label[language] })}
              onChange={(event) => {
                const target = byId.get(event.target.value);
                const input = target && entryOf(catalog, target.data)?.inputs[0];
                if (!target || !input) return;
                const verdict = connect(
                  { source: node.id, sourceHandle: port.id, target: target.id, targetHandle: input.id },
                  nameOf,
                );
                if (!verdict.ok) showToast('error', refusalText(t, verdict.refusal, typeLabel));
              }}
            >
              <option value="">
                {candidates.length ? t('editor.connections.choose') : t('editor.connections.nothing')}
              </option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {nameOf(candidate)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </section>
  );
}

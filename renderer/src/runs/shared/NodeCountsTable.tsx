import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../../../shared/flow/flow-document';
import type { NodeCounts } from '../model/live-run';
import { nodeName, type NodeNames } from '../model/node-names';

/** Records per node of a run (the same counts the editor shows on its canvas). */
export function NodeCountsTable({
  counts,
  flow,
  names,
}: {
  counts: Record<string, NodeCounts>;
  flow: FlowDocument | null | undefined;
  names: NodeNames;
}) {
  const { t } = useTranslation();
  // Flow order first (the order the user built), then nodes the flow no longer has.
  const order = [...(flow?.nodes.map((node) => node.id) ?? [])];
  for (const nodeId of Object.keys(counts)) if (!order.includes(nodeId)) order.push(nodeId);
  const rows = order.filter((nodeId) => counts[nodeId]);
  if (rows.length === 0) return null;
  return (
    <table className="rn-table rn-node-counts" data-testid="node-counts">
      <caption className="visually-hidden">{t('runs.detail.perNode')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('runs.detail.node')}</th>
          <th scope="col">{t('runs.detail.received')}</th>
          <th scope="col">{t('runs.counts.passed')}</th>
          <th scope="col">{t('runs.counts.skipped')}</th>
          <th scope="col">{t('runs.counts.failed')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((nodeId) => {
          const value = counts[nodeId];
          return value ? (
            <tr key={nodeId} data-node-id={nodeId}>
              <th scope="row">{nodeName(names, nodeId)}</th>
              <td>{value.received}</td>
              <td>{value.passed}</td>
              <td>{value.skipped}</td>
              <td className={value.failed > 0 ? 'rn-text-danger' : undefined}>{value.failed}</td>
            </tr>
          ) : null;
        })}
      </tbody>
    </table>
  );
}

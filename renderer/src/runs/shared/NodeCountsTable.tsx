import { ChevronRight } from 'lucide-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../../../shared/flow/flow-document';
import type { NodeCounts } from '../model/live-run';
import { nodeName, type NodeNames } from '../model/node-names';
import { pipelineOrder } from '../model/pipeline-order';

/** Records per node of a run, in the order records pass through them (the same counts as the canvas's badges). */
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
  const rows = pipelineOrder(flow, Object.keys(counts)).filter(
    (nodeId) => counts[nodeId] && counts[nodeId].received + counts[nodeId].passed > 0,
  );
  if (rows.length === 0) return null;
  return (
    <section className="rn-pipeline-box" aria-labelledby="per-node-title">
      <h2 id="per-node-title" className="visually-hidden">
        {t('runs.detail.perNode')}
      </h2>
      <ol className="rn-pipeline" data-testid="node-counts">
        {rows.map((nodeId, index) => {
          const value = counts[nodeId];
          if (!value) return null;
          return (
            <Fragment key={nodeId}>
              {index > 0 && <ChevronRight size={16} className="rn-pipeline-arrow" aria-hidden="true" />}
              <li
                className={value.failed > 0 ? 'rn-pipeline-node rn-pipeline-failed' : 'rn-pipeline-node'}
                data-node-id={nodeId}
                aria-label={t('runs.detail.nodeCounts', { node: nodeName(names, nodeId), ...value })}
              >
                <span className="rn-pipeline-name">{nodeName(names, nodeId)}</span>
                <span className="rn-counts" aria-hidden="true">
                  <span className="rn-count-ok">✓ {value.passed}</span>
                  {value.skipped > 0 && <span className="rn-count-skip">↷ {value.skipped}</span>}
                  {value.failed > 0 && <span className="rn-count-fail">✗ {value.failed}</span>}
                </span>
              </li>
            </Fragment>
          );
        })}
      </ol>
    </section>
  );
}

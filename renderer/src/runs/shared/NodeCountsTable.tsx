import { ChevronRight } from 'lucide-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../../../shared/flow/flow-document';
import type { NodeCounts } from '../model/live-run';
import { nodeName, type NodeNames } from '../model/node-names';
import { pipelineOrder } from '../model/pipeline-order';

/**
 * Records per node of a run, in the order records pass through them (the same counts as the
 * canvas's badges). These are the counts as the run went; given `failedNow` (a retried run's
 * records failed now, by node), a node whose failures changed since says what became of them.
 */
export function NodeCountsTable({
  counts,
  flow,
  names,
  failedNow,
}: {
  counts: Record<string, NodeCounts>;
  flow: FlowDocument | null | undefined;
  names: NodeNames;
  failedNow?: Record<string, number>;
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
          const now = failedNow ? (failedNow[nodeId] ?? 0) : value.failed;
          const note = retryNote(value.failed, now);
          const noteText = note ? t(note.key, { count: note.count }) : '';
          const label = t('runs.detail.nodeCounts', { node: nodeName(names, nodeId), ...value });
          return (
            <Fragment key={nodeId}>
              {index > 0 && <ChevronRight size={16} className="rn-pipeline-arrow" aria-hidden="true" />}
              <li
                className={now > 0 ? 'rn-pipeline-node rn-pipeline-failed' : 'rn-pipeline-node'}
                data-node-id={nodeId}
                aria-label={note ? `${label}; ${noteText}` : label}
              >
                <span className="rn-pipeline-name">{nodeName(names, nodeId)}</span>
                <span className="rn-counts" aria-hidden="true">
                  <span className="rn-count-ok">✓ {value.passed}</span>
                  {value.skipped > 0 && <span className="rn-count-skip">↷ {value.skipped}</span>}
                  {value.failed > 0 && (
                    <span className={now > 0 ? 'rn-count-fail' : 'rn-count-fixed'}>✗ {value.failed}</span>
                  )}
                </span>
                {note && (
                  <span className="rn-count-note" aria-hidden="true" data-testid="node-retry-note">
                    {noteText}
                  </span>
                )}
              </li>
            </Fragment>
          );
        })}
      </ol>
    </section>
  );
}

/** What a retry made of a node's failures: `failed` as the run went, `now` failing there since. */
function retryNote(
  failed: number,
  now: number,
): {
  key: 'runs.detail.nodeFixed' | 'runs.detail.nodeStillFailing' | 'runs.detail.nodeFailingAfterRetry';
  count: number;
} | null {
  if (now === failed) return null;
  if (now === 0) return { key: 'runs.detail.nodeFixed', count: failed };
  if (now < failed) return { key: 'runs.detail.nodeStillFailing', count: now };
  return { key: 'runs.detail.nodeFailingAfterRetry', count: now };
}

import { ChevronRight } from 'lucide-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../../../shared/flow/flow-document';
import type { NodeCounts } from '../model/live-run';
import { nodeName, type NodeNames } from '../../../../shared/flow/node-names';
import { pipelineOrder } from '../model/pipeline-order';
import { retryNote } from '../model/retry-note';
import { stoppedApart } from '../model/stopped-apart';

/**
 * Records per node of a run, in the order records pass through them (the same counts as the
 * canvas's badges). These are the counts as the run went; given `failedNow` (a retried run's
 * records failed now, by node), a node whose failures changed since says what became of them.
 * Given `stoppedNow` (of those, the records a cancel stopped), they show apart, in the cancel's
 * colour, and a node where only they failed is not marked failing.
 */
export function NodeCountsTable({
  counts,
  flow,
  names,
  failedNow,
  stoppedNow,
}: {
  counts: Record<string, NodeCounts>;
  flow: FlowDocument | null | undefined;
  names: NodeNames;
  failedNow?: Record<string, number>;
  stoppedNow?: Record<string, number>;
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
          const { failed, stopped } = stoppedApart(value.failed, stoppedNow?.[nodeId] ?? 0);
          const now = (failedNow ? (failedNow[nodeId] ?? 0) : value.failed) - stopped;
          const note = retryNote(failed, now);
          const noteText = note ? t(note.key, { count: note.count }) : '';
          const counted = t('runs.detail.nodeCounts', { node: nodeName(names, nodeId), ...value, failed });
          const label =
            stopped > 0 ? `${counted}, ${t('runs.detail.nodeStopped', { count: stopped })}` : counted;
          return (
            <Fragment key={nodeId}>
              {index > 0 && <ChevronRight size={16} className="rn-pipeline-arrow" aria-hidden="true" />}
              <li
                className={
                  now > 0
                    ? 'rn-pipeline-node rn-pipeline-failed'
                    : stopped > 0
                      ? 'rn-pipeline-node rn-pipeline-stopped'
                      : 'rn-pipeline-node'
                }
                data-node-id={nodeId}
                aria-label={note ? `${label}; ${noteText}` : label}
              >
                <span className="rn-pipeline-name">{nodeName(names, nodeId)}</span>
                <span className="rn-counts" aria-hidden="true">
                  <span className="rn-count-ok">✓ {value.passed}</span>
                  {value.skipped > 0 && <span className="rn-count-skip">↷ {value.skipped}</span>}
                  {failed > 0 && (
                    <span className={now > 0 ? 'rn-count-fail' : 'rn-count-fixed'}>✗ {failed}</span>
                  )}
                  {stopped > 0 && <span className="rn-count-stopped">⊘ {stopped}</span>}
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

import { AlertTriangle, CircleDashed, CircleX } from 'lucide-react';
import { retryNote } from '../../runs/model/retry-note';
import { stoppedApart } from '../../runs/model/stopped-apart';
import { nodeText } from '../../stores/flow-language-store';
import type { NodeRunCounts, NodeStatus } from '../model/node-status';

/**
 * The state line under a node: what is wrong with it, and how its last run went. Records a cancel
 * stopped (`stopped`, of the failed) show apart, in the cancel's colour, as on the run's page.
 * Given `failedNow` (the run's records failing here after their retries), failures a retry fixed
 * are struck through and the badge says what became of them, as the run's page does.
 */
export function NodeBadge({
  status,
  counts,
  stopped = 0,
  failedNow,
}: {
  status: NodeStatus;
  counts: NodeRunCounts | undefined;
  stopped?: number;
  failedNow?: number;
}) {
  const { failed, stopped: shownStopped } = stoppedApart(counts?.failed ?? 0, stopped);
  const now = failedNow === undefined ? failed : Math.max(0, failedNow - shownStopped);
  const note = counts ? retryNote(failed, now) : null;
  const noteText = note ? nodeText(note.key, { count: note.count }) : '';
  const counted =
    shownStopped > 0
      ? nodeText('editor.node.countsLabelStopped', { ...counts, failed, stopped: shownStopped })
      : nodeText('editor.node.countsLabel', { ...counts });
  return (
    <div className="ed-node-badges">
      {status.state === 'unconfigured' && (
        <span className="ed-chip ed-chip-muted" data-testid="node-badge">
          <CircleDashed size={12} aria-hidden="true" />
          {nodeText('editor.node.unconfigured')}
        </span>
      )}
      {status.state === 'invalid' && (
        <span className="ed-chip ed-chip-danger" data-testid="node-badge">
          <CircleX size={12} aria-hidden="true" />
          {nodeText('editor.node.problems', { count: status.errors })}
        </span>
      )}
      {status.state === 'warning' && (
        <span className="ed-chip ed-chip-warn" data-testid="node-badge">
          <AlertTriangle size={12} aria-hidden="true" />
          {nodeText('editor.node.warnings', { count: status.warnings })}
        </span>
      )}
      {counts && (
        <span
          className="ed-counts"
          data-testid="node-counts"
          aria-label={note ? `${counted}; ${noteText}` : counted}
          title={note ? noteText : undefined}
        >
          <span className="ed-count-ok" title={nodeText('editor.node.passed')}>
            ✓ {counts.passed}
          </span>
          {counts.skipped > 0 && (
            <span className="ed-count-skip" title={nodeText('editor.node.skipped')}>
              ↷ {counts.skipped}
            </span>
          )}
          {failed > 0 && (
            <span
              className={now > 0 ? 'ed-count-fail' : 'ed-count-fixed'}
              title={note ? noteText : nodeText('editor.node.failed')}
            >
              ✗ {failed}
            </span>
          )}
          {shownStopped > 0 && (
            <span className="ed-count-stopped" title={nodeText('editor.node.stopped')}>
              ⊘ {shownStopped}
            </span>
          )}
          {note && (
            <span className="ed-count-note" aria-hidden="true">
              {noteText}
            </span>
          )}
        </span>
      )}
    </div>
  );
}

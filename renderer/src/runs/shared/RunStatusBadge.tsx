import { Wrench } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../../shared/flow/run-records';
import { fixedByRetry } from '../../../../shared/flow/run-records';
import { StatusBadge } from './StatusBadge';

/**
 * A run's status, and whether retries have since fixed every record it failed. `compact` (a
 * dashboard card's title, beside the flow's name): a fixed run shows only that it was fixed, in
 * short, and says it had failed in its tooltip; two badges there wrapped the flow's name.
 */
export function RunStatusBadge({
  run,
  compact = false,
}: {
  run: Pick<RunSummary, 'status' | 'counts' | 'error'>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const fixed = fixedByRetry(run);
  const fixedBadge = fixed && (
    <span
      className="badge badge-ok"
      data-testid="run-fixed"
      title={compact ? t('runs.detail.fixedByRetryTitle') : undefined}
    >
      <Wrench size={12} aria-hidden="true" />{' '}
      {t(compact ? 'runs.detail.fixedByRetryShort' : 'runs.detail.fixedByRetry')}
    </span>
  );
  if (compact && fixed) return <span className="rn-status-group">{fixedBadge}</span>;
  return (
    <span className="rn-status-group">
      {/* The run did fail, and stays so in its history; but it is no longer an alarm. */}
      <StatusBadge status={run.status} settled={fixed} />
      {fixedBadge}
    </span>
  );
}

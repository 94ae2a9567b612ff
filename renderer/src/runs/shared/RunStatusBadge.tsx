import { Wrench } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../../shared/flow/run-records';
import { fixedByRetry } from '../../../../shared/flow/run-records';
import { StatusBadge } from './StatusBadge';

/** A run's status, and whether retries have since fixed every record it failed. */
export function RunStatusBadge({ run }: { run: Pick<RunSummary, 'status' | 'counts' | 'error'> }) {
  const { t } = useTranslation();
  const fixed = fixedByRetry(run);
  return (
    <span className="rn-status-group">
      {/* The run did fail, and stays so in its history; but it is no longer an alarm. */}
      <StatusBadge status={run.status} settled={fixed} />
      {fixed && (
        <span className="badge badge-ok" data-testid="run-fixed">
          <Wrench size={12} aria-hidden="true" /> {t('runs.detail.fixedByRetry')}
        </span>
      )}
    </span>
  );
}

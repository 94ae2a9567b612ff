import { useTranslation } from 'react-i18next';
import type { RunCounts as Counts } from '../../../../shared/flow/run-records';
import { formatCount } from '../model/format';
import { stoppedApart } from '../model/stopped-apart';
import { useLanguage } from '../../i18n/useLanguage';

/**
 * Succeeded / skipped / failed of a run, with one accessible sentence for screen readers. Given
 * `stopped` (of the failed, those a cancel stopped), those show apart, in the cancel's colour: they
 * failed of nothing of their own.
 */
export function RunCounts({
  counts,
  stopped = 0,
  testId,
}: {
  counts: Counts;
  stopped?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const { failed, stopped: shownStopped } = stoppedApart(counts.failed, stopped);
  const label =
    shownStopped > 0
      ? t('runs.counts.labelStopped', { ...counts, failed, stopped: shownStopped })
      : t('runs.counts.label', counts);
  return (
    <span className="rn-counts" data-testid={testId} aria-label={label} role="group">
      <span className="rn-count rn-count-ok" title={t('runs.counts.succeeded')} data-count="succeeded">
        ✓ {formatCount(counts.succeeded, locale)}
      </span>
      <span className="rn-count rn-count-skip" title={t('runs.counts.skipped')} data-count="skipped">
        ↷ {formatCount(counts.skipped, locale)}
      </span>
      {(failed > 0 || shownStopped === 0) && (
        <span
          className={failed > 0 ? 'rn-count rn-count-fail' : 'rn-count rn-count-zero'}
          title={t('runs.counts.failed')}
          data-count="failed"
        >
          ✗ {formatCount(failed, locale)}
        </span>
      )}
      {shownStopped > 0 && (
        <span className="rn-count rn-count-stopped" title={t('runs.counts.stopped')} data-count="stopped">
          ⊘ {formatCount(shownStopped, locale)}
        </span>
      )}
    </span>
  );
}

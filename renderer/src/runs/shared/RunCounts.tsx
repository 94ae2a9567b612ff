import { useTranslation } from 'react-i18next';
import type { RunCounts as Counts } from '../../../../shared/flow/run-records';
import { formatCount } from '../model/format';
import { useLanguage } from '../../i18n/useLanguage';

/** Succeeded / skipped / failed of a run, with one accessible sentence for screen readers. */
export function RunCounts({ counts, testId }: { counts: Counts; testId?: string }) {
  const { t } = useTranslation();
  const locale = useLanguage();
  return (
    <span className="rn-counts" data-testid={testId} aria-label={t('runs.counts.label', counts)} role="group">
      <span className="rn-count rn-count-ok" title={t('runs.counts.succeeded')} data-count="succeeded">
        ✓ {formatCount(counts.succeeded, locale)}
      </span>
      <span className="rn-count rn-count-skip" title={t('runs.counts.skipped')} data-count="skipped">
        ↷ {formatCount(counts.skipped, locale)}
      </span>
      <span
        className={counts.failed > 0 ? 'rn-count rn-count-fail' : 'rn-count rn-count-zero'}
        title={t('runs.counts.failed')}
        data-count="failed"
      >
        ✗ {formatCount(counts.failed, locale)}
      </span>
    </span>
  );
}

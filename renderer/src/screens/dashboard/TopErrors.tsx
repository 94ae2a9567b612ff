import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { RunStats } from '../../../../shared/api/calls/runs';
import { messageIn } from '../../../../shared/flow/run-messages';
import { useLanguage } from '../../i18n/useLanguage';

/** The most frequent errors of the last 30 days, each leading to the failed records of its latest run. */
export function TopErrors({ errors }: { errors: RunStats['topErrors'] }) {
  const { t } = useTranslation();
  const locale = useLanguage();
  return (
    <section className="card db-errors" aria-labelledby="top-errors-title">
      <div className="card-title">
        <h2 id="top-errors-title">{t('dashboard.topErrors')}</h2>
      </div>
      {errors.length === 0 ? (
        <p data-testid="top-errors-none">{t('dashboard.noErrors')}</p>
      ) : (
        <ol className="db-error-list" data-testid="top-errors">
          {errors.map((error) => (
            <li key={`${error.code}:${error.message}:${error.nodeId ?? ''}`} data-testid="top-error">
              <span className="db-error-count" aria-label={t('dashboard.errorTimes', { count: error.count })}>
                {error.count}×
              </span>
              <span className="db-error-body">
                <span className="db-error-message">{messageIn(error, locale)}</span>
                <span className="db-error-meta">
                  <code>{error.code}</code>
                  <Link href={`/runs/${error.lastRunId}/failed`} className="rn-link">
                    {t('dashboard.viewRecords')}
                  </Link>
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

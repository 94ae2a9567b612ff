import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { RunStats } from '../../../../shared/api/calls/runs';

/** The most frequent errors of the last 30 days, each leading to the failed records of its latest run. */
export function TopErrors({ errors }: { errors: RunStats['topErrors'] }) {
  const { t } = useTranslation();
  return (
    <section className="card db-errors" aria-labelledby="top-errors-title">
      <div className="card-title">
        <h2 id="top-errors-title">{t('dashboard.topErrors')}</h2>
      </div>
      {errors.length === 0 ? (
        <p data-testid="top-errors-none">{t('dashboard.noErrors')}</p>
      ) : (
        <table className="rn-table" data-testid="top-errors">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.errorCount')}</th>
              <th scope="col">{t('dashboard.error')}</th>
              <th scope="col">{t('runs.record.code')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dashboard.records')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error) => (
              <tr key={`${error.code}:${error.message}:${error.nodeId ?? ''}`} data-testid="top-error">
                <td className="rn-num">{error.count}</td>
                <td className="rn-reason">{error.message}</td>
                <td>
                  <code>{error.code}</code>
                </td>
                <td>
                  <Link href={`/runs/${error.lastRunId}/failed`} className="rn-link">
                    {t('dashboard.viewRecords')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

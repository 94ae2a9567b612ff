import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ItemAttempt, RunItemDetail } from '../../../../shared/flow/run-records';
import { formatDateTime } from '../model/format';
import { nodeName, type NodeNames } from '../../../../shared/flow/node-names';
import { StatusBadge } from '../shared/StatusBadge';
import { useLanguage } from '../../i18n/useLanguage';
import { messageIn } from '../../../../shared/flow/run-messages';

/** Every attempt at a record, across its run and the retry runs. */
export function AttemptHistory({
  item,
  names,
  runId,
}: {
  item: RunItemDetail;
  names: NodeNames;
  runId: string;
}) {
  const { t } = useTranslation();
  const locale = useLanguage();
  // A record that went through at once has no stored attempts: it is its own one attempt.
  const history: ItemAttempt[] =
    item.history.length > 0
      ? item.history
      : [
          {
            attempt: Math.max(1, item.attempts),
            runId: item.runId,
            itemId: item.id,
            nodeId: item.nodeId,
            status: item.status,
            error: item.error,
            startedAt: item.startedAt,
            finishedAt: item.finishedAt,
          },
        ];
  return (
    <section className="rn-section" aria-labelledby="attempts-title">
      <h2 id="attempts-title">{t('runs.record.attempts')}</h2>
      <table className="rn-table" data-testid="attempts">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('runs.record.run')}</th>
            <th scope="col">{t('runs.records.node')}</th>
            <th scope="col">{t('runs.records.status')}</th>
            <th scope="col">{t('runs.record.error')}</th>
            <th scope="col">{t('runs.record.started')}</th>
            <th scope="col">{t('runs.records.finished')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((attempt) => (
            <tr
              key={`${attempt.runId}:${attempt.itemId}:${attempt.attempt}`}
              data-testid="attempt-row"
              data-status={attempt.status}
            >
              <td>{attempt.attempt}</td>
              <td>
                {attempt.runId === runId ? (
                  t('runs.record.thisRun')
                ) : (
                  <Link href={`/runs/${attempt.runId}/records/${attempt.itemId}`} className="rn-link">
                    {t('runs.record.retryRun')}
                  </Link>
                )}
              </td>
              <td>{nodeName(names, attempt.nodeId)}</td>
              <td>
                <StatusBadge status={attempt.status} />
              </td>
              <td className="rn-reason">{attempt.error ? messageIn(attempt.error, locale) : ''}</td>
              <td>{formatDateTime(attempt.startedAt, locale, true)}</td>
              <td>{formatDateTime(attempt.finishedAt, locale, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { History } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useFailureText } from '../../api/failure-text';
import { useFlowsChanged } from '../../api/useFlowsChanged';
import { EmptyState } from '../../components/EmptyState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { RecordSearch } from '../../runs/history/RecordSearch';
import { RunFilters } from '../../runs/history/RunFilters';
import { RunHistoryTable } from '../../runs/history/RunHistoryTable';
import { noFilters, useRunHistory, type HistoryFilters } from '../../runs/history/useRunHistory';
import '../../runs/runs.css';

/** Run history with filters, and the search that finds any record by its business key. */
export function RunsScreen() {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const [filters, setFilters] = useState<HistoryFilters>(noFilters);
  const [flows, setFlows] = useState<{ id: string; name: string }[]>([]);
  const history = useRunHistory(filters);

  const loadFlows = useCallback(() => {
    api()
      .flows.list({})
      .then(({ flows: list }) => setFlows(list.map(({ id, name }) => ({ id, name }))))
      .catch(() => setFlows([]));
  }, []);
  useEffect(loadFlows, [loadFlows]);
  // The flow filter names flows as they are now (renamed, added, deleted elsewhere).
  useFlowsChanged(loadFlows);

  const filtered = filters !== noFilters;
  const nothingYet = !history.loading && !history.error && history.rows.length === 0 && !filtered;
  return (
    <div className="screen rn-screen-wide" data-testid="screen-runs">
      <PageHeader title={t('runs.title')} subtitle={t('runs.subtitle')} />
      {nothingYet ? (
        <EmptyState
          icon={History}
          title={t('runs.emptyTitle')}
          body={t('runs.emptyBody')}
          action={<LinkButton to="/flows">{t('runs.emptyAction')}</LinkButton>}
          testId="runs-empty"
        />
      ) : (
        <>
          <RecordSearch />
          <section aria-labelledby="history-title" className="rn-section">
            <h2 id="history-title" className="rn-h2">
              {t('runs.history')}
            </h2>
            <RunFilters filters={filters} onChange={setFilters} flows={flows} />
            {history.error && (
              <p className="form-error" role="alert">
                {failureWords(history.error)}
              </p>
            )}
            {history.rows.length > 0 ? (
              <RunHistoryTable rows={history.rows} />
            ) : (
              !history.loading && (
                <p className="rn-muted" data-testid="runs-no-match">
                  {t('runs.noMatch')}
                </p>
              )
            )}
            <div className="rn-more">
              {history.loading && <span className="rn-muted">{t('runs.loading')}</span>}
              {history.hasMore && !history.loading && (
                <button type="button" className="button button-secondary" onClick={history.loadMore}>
                  {t('runs.loadMore')}
                </button>
              )}
            </div>
          </section>
        </>
      )}
    </div>
  );
}

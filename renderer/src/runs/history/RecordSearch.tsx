import { Search } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import type { RunItemSummary } from '../../../../shared/flow/run-records';
import { useRunLiveStore } from '../../stores/run-live-store';
import { liveRunsApi } from '../api/runs-api';
import { formatDateTime } from '../model/format';
import { StatusBadge } from '../shared/StatusBadge';
import { useLanguage } from '../../i18n/useLanguage';

/** "Which run handled order 1042?": finds records across all runs by order number, e-mail, SKU or key. */
export function RecordSearch() {
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const [text, setText] = useState('');
  const [results, setResults] = useState<RunItemSummary[] | null>(null);
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const runs = useRunLiveStore((state) => state.runs);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const query = text.trim();
    if (!query) return;
    setBusy(true);
    try {
      const { items } = await liveRunsApi().search({ text: query, limit: 50 });
      setResults(items);
      setSearched(query);
      setError(null);
      // The flow names and start times come from the runs themselves.
      const store = useRunLiveStore.getState();
      for (const runId of new Set(items.map((item) => item.runId)))
        if (!store.runs[runId]) void store.load(runId);
    } catch (reason) {
      setError(failureOf(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rn-search-box" aria-labelledby="record-search-title">
      <h2 id="record-search-title" className="rn-h2">
        {t('runs.search.title')}
      </h2>
      <form className="rn-search-form" onSubmit={(event) => void search(event)} role="search">
        <label className="rn-field rn-search">
          <Search size={16} aria-hidden="true" />
          <span className="visually-hidden">{t('runs.search.label')}</span>
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t('runs.search.placeholder')}
            data-testid="record-search-input"
          />
        </label>
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || !text.trim()}
          data-testid="record-search-submit"
        >
          {t('runs.search.button')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {failureWords(error)}
        </p>
      )}
      {results && (
        <div aria-live="polite" data-testid="record-search-results">
          {results.length === 0 ? (
            <p className="rn-muted">{t('runs.search.none', { text: searched })}</p>
          ) : (
            <table className="rn-table">
              <caption className="rn-caption">
                {t('runs.search.found', { count: results.length, text: searched })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('runs.records.businessKeys')}</th>
                  <th scope="col">{t('runs.records.status')}</th>
                  <th scope="col">{t('runs.search.run')}</th>
                  <th scope="col">{t('runs.columns.started')}</th>
                  <th scope="col">{t('runs.records.key')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((item) => {
                  const run = runs[item.runId];
                  return (
                    <tr key={item.id} data-testid="search-result" data-run-id={item.runId}>
                      <th scope="row">
                        <Link href={`/runs/${item.runId}/records/${item.id}`} className="rn-link">
                          {Object.values(item.businessKeys).filter(Boolean).join(' · ') || item.key}
                        </Link>
                      </th>
                      <td>
                        <StatusBadge status={item.status} />
                      </td>
                      <td>
                        <Link href={`/runs/${item.runId}`} className="rn-link">
                          {run?.flowName ?? item.runId}
                        </Link>
                        {run && <span className="rn-muted"> · {t(`runs.trigger.${run.trigger}`)}</span>}
                        {/* As in the history: a record's dry run and its real run are often seconds apart. */}
                        {run?.dryRun && (
                          <span className="badge badge-info rn-gap-left">{t('runs.detail.dryRun')}</span>
                        )}
                      </td>
                      <td className="rn-nowrap">
                        {/* With seconds: a record's runs are often minutes apart or less (a retry). */}
                        {formatDateTime(run?.startedAt ?? item.startedAt, locale, true)}
                      </td>
                      <td className="rn-mono rn-muted rn-key-cell" title={item.key}>
                        {item.key}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

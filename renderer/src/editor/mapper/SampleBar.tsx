import { Database, History, Play, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from '../../api/failure-text';
import type { SampleEntry } from '../../stores/flow-sample-store';

/**
 * Where the sample record comes from, and buttons to read a fresh one from the connection or take
 * the last run's. Used by the field mapper, the code editor and "Try it".
 */
export function SampleBar({
  entry,
  onFetch,
}: {
  entry: SampleEntry | undefined;
  onFetch(from: 'auto' | 'connection' | 'lastRun'): void;
}) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const sample = entry?.sample;
  const loading = entry?.status === 'loading';
  return (
    <div className="ed-sample-bar" data-testid="sample-bar">
      <span className="ed-sample-origin" role="status">
        {loading
          ? t('editor.sample.loading')
          : entry?.status === 'error'
            ? t('editor.sample.failed', { error: entry.error ? failureWords(entry.error) : '' })
            : sample?.record
              ? t(`editor.sample.origin.${sample.origin ?? 'connection'}`, { key: sample.key ?? '' })
              : sample?.reason
                ? failureWords({ message: sample.reason, text: sample.reasonText })
                : t('editor.sample.none')}
      </span>
      <span className="ed-sample-actions">
        <button
          type="button"
          className="button button-secondary ed-small"
          disabled={loading}
          onClick={() => onFetch('connection')}
        >
          {sample?.record ? (
            <RefreshCw size={13} aria-hidden="true" />
          ) : (
            <Database size={13} aria-hidden="true" />
          )}
          {t('editor.sample.fromConnection')}
        </button>
        <button
          type="button"
          className="button button-secondary ed-small"
          disabled={loading}
          onClick={() => onFetch('lastRun')}
        >
          <History size={13} aria-hidden="true" />
          {t('editor.sample.fromLastRun')}
        </button>
        {!sample && !loading && (
          <button type="button" className="button button-primary ed-small" onClick={() => onFetch('auto')}>
            <Play size={13} aria-hidden="true" />
            {t('editor.sample.get')}
          </button>
        )}
      </span>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import type { LogEvent } from '../../../../shared/flow/run-events';
import { nodeName, type NodeNames } from '../../../../shared/flow/node-names';
import { messageIn } from '../../../../shared/flow/run-messages';
import { useLanguage } from '../../i18n/useLanguage';
import { liveRunsApi } from '../api/runs-api';
import { formatDateTime } from '../model/format';

/**
 * What the run, and the runs that retried it, logged about this record: a node's warnings (a tax
 * rule that changed the VAT) and errors for it. The run page's "Worth a look" links here; before,
 * the record's page did not say what the warning was.
 */
export function RecordLog({
  itemId,
  runId,
  names,
  version,
}: {
  itemId: number;
  runId: string;
  names: NodeNames;
  /** Changes when the record is read again (a retry moved on): the lines are read again too. */
  version: string;
}) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const failureWords = useFailureText();
  const [lines, setLines] = useState<LogEvent[] | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  useEffect(() => {
    let stale = false;
    liveRunsApi()
      .itemLog({ itemId })
      .then((answer) => {
        if (stale) return;
        setLines(answer.lines);
        setError(null);
      })
      .catch((reason: unknown) => {
        if (!stale) setError(failureOf(reason));
      });
    return () => {
      stale = true;
    };
  }, [itemId, version]);

  if (error) {
    return (
      <p className="form-error" role="alert" data-testid="record-log-error">
        {t('runs.record.logFailed', { error: failureWords(error) })}
      </p>
    );
  }
  if (!lines || lines.length === 0) return null;
  return (
    <section className="rn-section" aria-labelledby="record-log-title" data-testid="record-log">
      <h2 id="record-log-title">{t('runs.record.log', { count: lines.length })}</h2>
      <ul className="rn-record-log">
        {lines.map((line) => (
          <li
            key={`${line.runId}:${line.seq}`}
            className={`rn-level-${line.level}`}
            data-level={line.level}
            data-testid="record-log-line"
          >
            <span className="rn-record-log-level">{t(`runs.log.levels.${line.level}`)}</span>
            <span className="rn-muted">{formatDateTime(line.at, locale, true)}</span>
            <span className="rn-muted">{nodeName(names, line.nodeId ?? null)}</span>
            <span className="rn-record-log-text">
              {messageIn(line, locale)}
              {line.runId !== runId && (
                <>
                  {' '}
                  <Link href={`/runs/${line.runId}`} className="rn-link">
                    ({t('runs.record.retryRun')})
                  </Link>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

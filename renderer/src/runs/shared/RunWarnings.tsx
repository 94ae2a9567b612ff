import { AlertTriangle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { RunWarningLine } from '../../../../shared/api/calls/runs';
import { messageIn } from '../../../../shared/flow/run-messages';
import { useLanguage } from '../../i18n/useLanguage';
import { liveRunsApi } from '../api/runs-api';

/** Different warnings the run page lists; the log holds them all. */
const SHOWN = 5;

interface Warnings {
  total: number;
  distinct: number;
  warnings: RunWarningLine[];
}

/**
 * "Worth a look": what a run warned of (a tax rule that changes the VAT, a category Teamleader
 * lacks), each message once, with its record. A run can succeed and still warn; without this the
 * warnings were only in the live log, among every record's lines.
 */
export function RunWarnings({
  runId,
  count,
  onShowAll,
}: {
  runId: string;
  /** Warning lines the run has told so far (its summary's, kept current by its events). */
  count: number;
  /** Opens the live log on its warnings. */
  onShowAll: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const [found, setFound] = useState<Warnings | null>(null);

  // Read when the run has warnings, and again as a running run tells more.
  useEffect(() => {
    if (count === 0) return;
    let stale = false;
    liveRunsApi()
      .warnings({ runId, limit: SHOWN })
      .then((answer) => {
        if (!stale) setFound(answer);
      })
      // The warnings are a summary of the log, which shows its own loading errors.
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [runId, count]);

  if (count === 0 || !found || found.total === 0) return null;
  const more = found.distinct - found.warnings.length;
  return (
    <section className="rn-warnings" data-testid="run-warnings" aria-labelledby="run-warnings-title">
      <h2 id="run-warnings-title">
        <AlertTriangle size={16} aria-hidden="true" /> {t('runs.warnings.title', { count: found.total })}
      </h2>
      <ul>
        {found.warnings.map((line) => (
          <li key={line.seq} data-testid="run-warning">
            <span>{messageIn(line, locale)}</span>
            {line.item && (
              <>
                {' '}
                <Link href={`/runs/${runId}/records/${line.item.id}`} className="rn-link">
                  {line.item.label}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
      <p>
        {more > 0 && <span className="rn-muted">{t('runs.warnings.more', { count: more })} </span>}
        <button type="button" className="rn-link" onClick={onShowAll} data-testid="run-warnings-all">
          {t('runs.warnings.showAll')}
        </button>
      </p>
    </section>
  );
}

import { Clock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { LiveRun } from '../model/live-run';
import { useLanguage } from '../../i18n/useLanguage';
import { useNow } from './useNow';
import { messageIn } from '../../../../shared/flow/run-messages';

/**
 * A running run's wait for a connection's rate limit, counted down (the engine's own words on
 * hover). Nothing while the run does not wait: a run that stands still for a minute should say why.
 */
export function WaitNotice({ wait, className }: { wait: LiveRun['wait']; className?: string }) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const now = useNow();
  const left = wait ? Math.ceil((Date.parse(wait.until) - now) / 1000) : 0;
  if (!wait || left <= 0) return null;
  return (
    <p
      className={className ?? 'rn-wait'}
      title={messageIn(wait, locale)}
      role="status"
      data-testid="run-wait"
    >
      <Clock size={14} aria-hidden="true" />
      {t('runs.wait', { seconds: left })}
    </p>
  );
}

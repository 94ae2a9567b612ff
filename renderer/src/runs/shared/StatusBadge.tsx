import {
  Ban,
  CheckCircle2,
  CircleDashed,
  Loader2,
  PauseCircle,
  SkipForward,
  XCircle,
  type LucideIcon,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ItemStatus, RunStatus } from '../../../../shared/flow/run-records';

type AnyStatus = RunStatus | ItemStatus;

const look: Record<AnyStatus, { tone: string; icon: LucideIcon }> = {
  running: { tone: 'info', icon: Loader2 },
  pending: { tone: 'muted', icon: CircleDashed },
  succeeded: { tone: 'ok', icon: CheckCircle2 },
  skipped: { tone: 'muted', icon: SkipForward },
  failed: { tone: 'danger', icon: XCircle },
  cancelled: { tone: 'warn', icon: Ban },
  interrupted: { tone: 'warn', icon: PauseCircle },
};

/**
 * A run's or a record's status as a coloured badge with an icon (colour is never the only cue).
 * `settled`: what it says is over (a failed run whose records retries have all fixed): told in grey.
 */
export function StatusBadge({ status, settled = false }: { status: AnyStatus; settled?: boolean }) {
  const { t } = useTranslation();
  const { tone, icon: Icon } = look[status];
  return (
    <span className={`badge badge-${settled ? 'muted' : tone} rn-status`} data-status={status}>
      <Icon size={13} aria-hidden="true" className={status === 'running' ? 'rn-spin' : undefined} />
      {t(`runs.status.${status}`)}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../../../shared/api/calls/connections';
import { statusTone } from './connection-view';

/** The connection's mode and status as two badges. */
export function StatusBadges({ connection }: { connection: ConnectionView }) {
  const { t } = useTranslation();
  return (
    <span className="cn-badges">
      <span className={connection.mode === 'sandbox' ? 'badge badge-info' : 'badge'}>
        {t(`connections.mode.${connection.mode}`)}
      </span>
      <span
        className={`badge badge-${statusTone(connection.status)}`}
        data-testid={`status-${connection.id}`}
      >
        {t(`connections.status.${connection.status}`)}
      </span>
    </span>
  );
}

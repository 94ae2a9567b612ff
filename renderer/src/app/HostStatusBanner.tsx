import { useTranslation } from 'react-i18next';
import type { HostStatus } from '../../../shared/api/client';

/**
 * Across the top of every screen while the web host cannot be used: it does not answer (the page
 * keeps trying), or it was started again and only its new address opens it.
 */
export function HostStatusBanner({ status }: { status: HostStatus }) {
  const { t } = useTranslation();
  if (status === 'connected') return null;
  return (
    <div className={`host-banner host-banner-${status}`} role="alert" data-testid={`host-${status}`}>
      <strong>{t(`host.${status}.title`)}</strong> <span>{t(`host.${status}.body`)}</span>
    </div>
  );
}

import { Gauge } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';

export function DashboardScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen" data-testid="screen-dashboard">
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <EmptyState
        icon={Gauge}
        title={t('dashboard.emptyTitle')}
        body={t('dashboard.emptyBody')}
        action={<LinkButton to="/flows">{t('dashboard.emptyAction')}</LinkButton>}
        testId="dashboard-empty"
      />
    </div>
  );
}

import { History } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';

export function RunsScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen" data-testid="screen-runs">
      <PageHeader title={t('runs.title')} subtitle={t('runs.subtitle')} />
      <EmptyState
        icon={History}
        title={t('runs.emptyTitle')}
        body={t('runs.emptyBody')}
        action={<LinkButton to="/flows">{t('runs.emptyAction')}</LinkButton>}
        testId="runs-empty"
      />
    </div>
  );
}

import { Workflow } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';

export function FlowsScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen" data-testid="screen-flows">
      <PageHeader
        title={t('flows.title')}
        subtitle={t('flows.subtitle')}
        actions={
          // The setup wizard: a whole integration from the templates, with choices read from both systems.
          <LinkButton to="/wizard" variant="secondary">
            {t('wizard.newIntegration')}
          </LinkButton>
        }
      />
      <EmptyState
        icon={Workflow}
        title={t('flows.emptyTitle')}
        body={t('flows.emptyBody')}
        action={<LinkButton to="/connections">{t('flows.emptyAction')}</LinkButton>}
        testId="flows-empty"
      />
    </div>
  );
}

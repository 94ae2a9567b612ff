import { FlaskConical, Store, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { useSettingsStore } from '../../stores/settings-store';

export function ConnectionsScreen() {
  const { t } = useTranslation();
  const sandbox = useSettingsStore((state) => state.settings?.sandbox.enabled ?? false);
  const status = sandbox ? t('connections.sandboxOn') : t('connections.sandboxOff');
  const systems = [
    {
      id: 'teamleader',
      icon: Users,
      name: t('connections.teamleader'),
      body: t('connections.teamleaderBody'),
    },
    { id: 'mplus', icon: Store, name: t('connections.mplus'), body: t('connections.mplusBody') },
  ];
  return (
    <div className="screen" data-testid="screen-connections">
      <PageHeader title={t('connections.title')} subtitle={t('connections.subtitle')} />
      <div className="card-grid">
        {systems.map(({ id, icon: Icon, name, body }) => (
          <article key={id} className="card" data-testid={`connection-${id}`}>
            <div className="card-title">
              <Icon size={20} aria-hidden="true" />
              <h2>{name}</h2>
              <span className={sandbox ? 'badge badge-info' : 'badge'}>{status}</span>
            </div>
            <p>{body}</p>
          </article>
        ))}
      </div>
      {sandbox && (
        <aside className="callout" data-testid="sandbox-callout">
          <FlaskConical size={18} aria-hidden="true" />
          <p>{t('connections.sandboxOnBody')}</p>
          <LinkButton to="/settings" variant="secondary">
            {t('connections.sandboxAction')}
          </LinkButton>
        </aside>
      )}
    </div>
  );
}

import { Plus, Store, Users } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionKind } from '../../../../shared/connections/connection';
import { useConnectionStore } from '../../stores/connection-store';
import { ConnectionCard } from './ConnectionCard';
import { connectionsOf } from './connection-view';
import { MplusForm } from './MplusForm';
import { TeamleaderForm } from './TeamleaderForm';

interface SystemSectionProps {
  kind: ConnectionKind;
  canStore: boolean;
  /** The id of the keychain notice, which says why adding is off. */
  blockedBy?: string;
}

/** One system's connections, and the form to add one. */
export function SystemSection({ kind, canStore, blockedBy }: SystemSectionProps) {
  const { t } = useTranslation();
  const all = useConnectionStore((state) => state.connections);
  const [adding, setAdding] = useState(false);
  const connections = connectionsOf(all ?? [], kind);
  const Icon = kind === 'teamleader' ? Users : Store;
  const titleId = `cn-${kind}-title`;
  return (
    <section className="cn-section" aria-labelledby={titleId} data-testid={`connection-${kind}`}>
      <header className="cn-section-head">
        <Icon size={20} aria-hidden="true" />
        <div>
          <h2 id={titleId}>{t(`connections.${kind}`)}</h2>
          <p>{t(`connections.${kind}Body`)}</p>
        </div>
        {!adding && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setAdding(true)}
            disabled={!canStore}
            aria-describedby={canStore ? undefined : blockedBy}
            data-testid={`add-${kind}`}
          >
            <Plus size={15} aria-hidden="true" />
            {kind === 'teamleader' ? t('connections.connectTeamleader') : t('connections.addMplus')}
          </button>
        )}
      </header>
      {adding && (
        <div className="cn-card cn-card-form">
          <h3>{kind === 'teamleader' ? t('connections.connectTeamleader') : t('connections.addMplus')}</h3>
          {kind === 'teamleader' ? (
            <TeamleaderForm onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
          ) : (
            <MplusForm onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
          )}
        </div>
      )}
      <div className="cn-list">
        {connections.map((connection) => (
          <ConnectionCard key={connection.id} connection={connection} canStore={canStore} />
        ))}
        {all && connections.length === 0 && <p className="cn-empty">{t(`connections.empty.${kind}`)}</p>}
      </div>
    </section>
  );
}

import { CheckCircle2, Loader2, RefreshCw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from '../../api/failure-text';
import { useConnectionStore } from '../../stores/connection-store';
import { useWizardStore } from '../../stores/wizard-store';
import { accountSummary, connectionsOf } from '../connections/connection-view';
import { MplusForm } from '../connections/MplusForm';
import { TeamleaderForm } from '../connections/TeamleaderForm';
import { KeychainMissing } from './KeychainMissing';

/** One system in the connect step: the sandbox's connection checked, or a live account picked or added. */
export function SystemConnect({ system }: { system: 'teamleader' | 'mplus' }) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const id = useId();
  const mode = useWizardStore((state) => state.modes[system]);
  const liveId = useWizardStore((state) => state.liveIds[system]);
  const test = useWizardStore((state) => state.tests[system]);
  const setLiveId = useWizardStore((state) => state.setLiveId);
  const testConnections = useWizardStore((state) => state.testConnections);
  const connections = useConnectionStore((state) => state.connections);
  const keychain = useConnectionStore((state) => state.keychain);
  const live = connectionsOf(connections ?? [], system).filter((c) => c.mode === 'live');
  const [adding, setAdding] = useState(false);
  const showForm = mode === 'live' && (adding || live.length === 0);
  const name = t(`connections.${system}`);

  const status = (() => {
    if (mode === 'live' && !liveId) return null;
    if (test === undefined || test === 'running')
      return (
        <p className="wz-status" role="status">
          <Loader2 size={16} className="cn-spin" aria-hidden="true" />
          {t('wizard.connect.checking')}
        </p>
      );
    if ('thrown' in test || !test.ok) {
      const message = 'thrown' in test ? failureWords(test.thrown) : failureWords(test.error);
      return (
        <div className="form-error" role="alert" data-testid={`wizard-connect-error-${system}`}>
          <p>{t('connections.testFailed', { message })}</p>
          <button type="button" className="button button-secondary" onClick={() => void testConnections()}>
            <RefreshCw size={15} aria-hidden="true" />
            {t('wizard.connect.retry')}
          </button>
        </div>
      );
    }
    const { company, detail } = accountSummary(test.connection);
    return (
      <p className="cn-ok wz-status" role="status" data-testid={`wizard-connected-${system}`}>
        <CheckCircle2 size={16} aria-hidden="true" />
        {t('wizard.connect.ready', {
          name: test.connection.name,
          account: [company, detail].filter(Boolean).join(' · '),
        })}
      </p>
    );
  })();

  return (
    <section className="wz-card" aria-labelledby={`${id}-title`} data-testid={`wizard-connect-${system}`}>
      <h3 id={`${id}-title`}>{name}</h3>
      {mode === 'sandbox' && <p className="wz-muted">{t('wizard.connect.sandbox', { system: name })}</p>}
      {mode === 'live' && live.length > 0 && !adding && (
        <div className="wz-row">
          <label htmlFor={`${id}-pick`}>{t('wizard.connect.pick')}</label>
          <select
            id={`${id}-pick`}
            value={liveId ?? ''}
            onChange={(event) => {
              setLiveId(system, event.target.value || undefined);
              void testConnections();
            }}
          >
            <option value="">{t('wizard.connect.choose')}</option>
            {live.map((connection) => (
              <option key={connection.id} value={connection.id}>
                {connection.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setAdding(true)}
            disabled={!keychain?.available}
          >
            {t('wizard.connect.addAnother')}
          </button>
        </div>
      )}
      {showForm &&
        (keychain && !keychain.available ? (
          <KeychainMissing system={system} detail={failureWords(keychain)} />
        ) : system === 'teamleader' ? (
          <TeamleaderForm
            onDone={(connection) => {
              setAdding(false);
              setLiveId(system, connection.id);
              void testConnections();
            }}
            {...(live.length > 0 ? { onCancel: () => setAdding(false) } : {})}
          />
        ) : (
          <MplusForm
            onDone={(connection) => {
              setAdding(false);
              setLiveId(system, connection.id);
              void testConnections();
            }}
            {...(live.length > 0 ? { onCancel: () => setAdding(false) } : {})}
          />
        ))}
      <div aria-live="polite">{status}</div>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../../../shared/api/calls/connections';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { formatDateTime } from '../../runs/model/format';
import { useConnectionStore } from '../../stores/connection-store';
import { accountSummary } from './connection-view';
import { InlineConfirm } from './InlineConfirm';
import { MplusForm } from './MplusForm';
import { StatusBadges } from './StatusBadge';
import { TeamleaderForm } from './TeamleaderForm';

type Mode = 'view' | 'edit' | 'confirmDisconnect' | 'confirmDelete';

interface ConnectionCardProps {
  connection: ConnectionView;
  /** False where no keychain is reachable: nothing can be stored, so nothing is offered. */
  canStore: boolean;
}

/** One connection: who it is connected to, its state, and what can be done with it. */
export function ConnectionCard({ connection, canStore }: ConnectionCardProps) {
  const { t, i18n } = useTranslation();
  const failureWords = useFailureText();
  const store = useConnectionStore();
  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<
    { kind: 'ok'; text: string } | { kind: 'error'; failure: Failure } | null
  >(null);
  const { company, detail } = accountSummary(connection);
  const live = connection.mode === 'live';

  const attempt = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await work();
      if (done) setMessage({ kind: 'ok', text: done });
    } catch (failure) {
      setMessage({ kind: 'error', failure: failureOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  const test = () =>
    attempt(async () => {
      const result = await store.test(connection.id);
      if (!result.ok) throw new Error(t('connections.testFailed', { message: failureWords(result.error) }));
      return t('connections.testPassed');
    });

  const checked = connection.checkedAt
    ? t('connections.checked', {
        time: formatDateTime(connection.checkedAt, i18n.language),
      })
    : t('connections.neverChecked');

  return (
    <article
      className="cn-card"
      data-testid={`connection-card-${connection.id}`}
      aria-label={connection.name}
    >
      <header className="cn-card-head">
        <h3>{connection.name}</h3>
        <StatusBadges connection={connection} />
      </header>
      <dl className="cn-account">
        {company && (
          <>
            <dt>
              {connection.kind === 'mplus'
                ? t('connections.account.licensedTo')
                : t('connections.account.company')}
            </dt>
            <dd data-testid="account-company">{company}</dd>
          </>
        )}
        {detail && (
          <>
            <dt>
              {connection.kind === 'teamleader'
                ? t('connections.account.user')
                : t('connections.account.api')}
            </dt>
            <dd data-testid="account-detail">{detail}</dd>
          </>
        )}
        <dt>{t('connections.account.secrets')}</dt>
        <dd>{t(`connections.credentials.${connection.credentials}`)}</dd>
      </dl>
      {connection.statusMessage && connection.status !== 'connected' && (
        <p className="cn-status-message" data-testid="status-message">
          {failureWords({ message: connection.statusMessage, text: connection.statusText })}
        </p>
      )}
      <p className="cn-checked">{checked}</p>

      {mode === 'view' && (
        <div className="cn-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void test()}
            disabled={busy}
          >
            {busy ? t('connections.actions.testing') : t('connections.actions.test')}
          </button>
          {live && (
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setMode('edit')}
                disabled={!canStore}
              >
                {connection.kind === 'teamleader'
                  ? t('connections.actions.reconnect')
                  : t('connections.actions.edit')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setMode('confirmDisconnect')}
                disabled={connection.credentials === 'missing'}
              >
                {t('connections.actions.disconnect')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setMode('confirmDelete')}
              >
                {t('connections.actions.delete')}
              </button>
            </>
          )}
        </div>
      )}
      {mode === 'edit' &&
        (connection.kind === 'teamleader' ? (
          <TeamleaderForm
            connection={connection}
            onDone={() => setMode('view')}
            onCancel={() => setMode('view')}
          />
        ) : (
          <MplusForm
            connection={connection}
            onDone={() => setMode('view')}
            onCancel={() => setMode('view')}
          />
        ))}
      {mode === 'confirmDisconnect' && (
        <InlineConfirm
          question={t('connections.confirmDisconnect', { name: connection.name })}
          confirmLabel={t('connections.actions.disconnect')}
          danger
          onCancel={() => setMode('view')}
          onConfirm={() => {
            setMode('view');
            void attempt(async () => {
              await store.disconnect(connection.id);
              return t('connections.disconnected', { name: connection.name });
            });
          }}
        />
      )}
      {mode === 'confirmDelete' && (
        <InlineConfirm
          question={t('connections.confirmDelete', { name: connection.name })}
          confirmLabel={t('connections.actions.delete')}
          danger
          onCancel={() => setMode('view')}
          onConfirm={() => {
            setMode('view');
            void attempt(async () => {
              await store.remove(connection.id);
              return undefined;
            });
          }}
        />
      )}
      <div aria-live="polite">
        {message && (
          <p
            className={message.kind === 'ok' ? 'cn-ok' : 'form-error'}
            role={message.kind === 'error' ? 'alert' : undefined}
          >
            {message.kind === 'ok' ? message.text : failureWords(message.failure)}
          </p>
        )}
      </div>
    </article>
  );
}

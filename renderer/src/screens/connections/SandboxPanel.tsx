import { FlaskConical, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { LinkButton } from '../../components/LinkButton';
import { useConnectionStore } from '../../stores/connection-store';
import { useSettingsStore } from '../../stores/settings-store';
import { InlineConfirm } from './InlineConfirm';

/** The built-in twins: whether they run, where, "Reset sandbox data", and other sample data applied. */
export function SandboxPanel() {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const sandbox = useConnectionStore((state) => state.sandbox);
  const reset = useConnectionStore((state) => state.resetSandbox);
  const apply = useConnectionStore((state) => state.applySandbox);
  const wanted = useSettingsStore((state) => state.settings?.sandbox);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<
    { kind: 'ok'; text: string } | { kind: 'error'; failure: Failure } | null
  >(null);
  if (!sandbox) return null;

  const state = !sandbox.enabled ? 'off' : sandbox.running ? 'running' : 'stopped';
  /** Runs one sandbox action, showing what came of it. */
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'ok', text: await work() });
    } catch (failure) {
      setMessage({ kind: 'error', failure: failureOf(failure) });
    } finally {
      setBusy(false);
    }
  };
  const doReset = () => {
    setConfirming(false);
    void act(async () => {
      await reset();
      return t('connections.sandbox.resetDone');
    });
  };
  const doApply = () =>
    void act(async () => {
      const applied = await apply();
      return t('connections.sandbox.applied', {
        size: t(`connections.sandbox.sizes.${applied.size}`),
        seed: applied.seed,
      });
    });
  const pending =
    sandbox.running && wanted && (wanted.size !== sandbox.size || wanted.seed !== sandbox.seed)
      ? wanted
      : null;

  return (
    <section className="cn-section" aria-labelledby="cn-sandbox-title" data-testid="sandbox-panel">
      <header className="cn-section-head">
        <FlaskConical size={20} aria-hidden="true" />
        <div>
          <h2 id="cn-sandbox-title">{t('connections.sandbox.title')}</h2>
          <p>{t('connections.sandbox.body')}</p>
        </div>
        <span
          className={`badge ${state === 'running' ? 'badge-ok' : state === 'off' ? '' : 'badge-warn'}`}
          data-testid="sandbox-state"
        >
          {t(`connections.sandbox.${state}`)}
        </span>
      </header>
      {sandbox.enabled ? (
        <div className="cn-card">
          <dl className="cn-account">
            {sandbox.teamleader && (
              <>
                <dt>{t('connections.sandbox.teamleaderUrl')}</dt>
                <dd>
                  <code>{sandbox.teamleader.apiUrl}</code>
                </dd>
              </>
            )}
            {sandbox.mplus && (
              <>
                <dt>{t('connections.sandbox.mplusUrl')}</dt>
                <dd>
                  <code>{sandbox.mplus.url}</code>
                </dd>
              </>
            )}
            <dt>{t('connections.sandbox.data')}</dt>
            <dd>
              {t('connections.sandbox.dataValue', {
                size: t(`connections.sandbox.sizes.${sandbox.size}`),
                seed: sandbox.seed,
              })}
              {sandbox.owner === 'shared' ? ` · ${t('connections.sandbox.shared')}` : ''}
            </dd>
          </dl>
          {pending && (
            <div className="cn-pending" data-testid="sandbox-pending">
              <p className="st-note">
                {t(
                  sandbox.owner === 'shared'
                    ? 'connections.sandbox.pendingShared'
                    : 'connections.sandbox.pending',
                  {
                    size: t(`connections.sandbox.sizes.${pending.size}`),
                    seed: pending.seed,
                  },
                )}
              </p>
              {sandbox.owner !== 'shared' && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={doApply}
                  disabled={busy}
                  data-testid="sandbox-apply"
                >
                  {t('connections.sandbox.apply')}
                </button>
              )}
            </div>
          )}
          {confirming ? (
            <InlineConfirm
              question={t('connections.sandbox.confirmReset')}
              confirmLabel={t('connections.sandbox.reset')}
              danger
              onConfirm={() => void doReset()}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <div className="cn-actions">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirming(true)}
                disabled={busy}
              >
                <RotateCcw size={15} aria-hidden="true" />
                {busy ? t('connections.sandbox.resetting') : t('connections.sandbox.reset')}
              </button>
              <LinkButton to="/settings" variant="secondary">
                {t('connections.sandbox.settings')}
              </LinkButton>
            </div>
          )}
          <div aria-live="polite">
            {message && (
              <p
                className={message.kind === 'ok' ? 'cn-ok' : 'form-error'}
                role={message.kind === 'error' ? 'alert' : 'status'}
              >
                {message.kind === 'ok' ? message.text : failureWords(message.failure)}
              </p>
            )}
          </div>
        </div>
      ) : (
        <div className="cn-card">
          <p>{t('connections.sandbox.offBody')}</p>
          <div className="cn-actions">
            <LinkButton to="/settings" variant="secondary">
              {t('connections.sandbox.turnOn')}
            </LinkButton>
          </div>
        </div>
      )}
    </section>
  );
}

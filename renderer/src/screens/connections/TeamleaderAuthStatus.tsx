import { ExternalLink, Loader2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useConnectionStore } from '../../stores/connection-store';
import { accountSummary } from './connection-view';
import { useFailureText } from '../../api/failure-text';

/** Where the Teamleader sign-in stands: waiting for the browser, connected, or why not. */
export function TeamleaderAuthStatus() {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const auth = useConnectionStore((state) => state.auth);
  const stop = useConnectionStore((state) => state.stopTeamleaderAuth);
  if (!auth) return null;
  if (auth.state === 'pending') {
    return (
      <div className="cn-auth" role="status" data-testid="teamleader-auth-pending">
        <Loader2 size={18} className="cn-spin" aria-hidden="true" />
        <div>
          <p>{t('connections.auth.pending')}</p>
          <div className="cn-actions">
            <a
              className="button button-secondary"
              href={auth.authorizeUrl}
              target="_blank"
              rel="noopener noreferrer"
            >
              <ExternalLink size={15} aria-hidden="true" />
              {t('connections.auth.openAgain')}
            </a>
            <button type="button" className="button button-secondary" onClick={stop}>
              {t('connections.auth.stop')}
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (auth.state === 'succeeded' && auth.connection) {
    const { company, detail } = accountSummary(auth.connection);
    return (
      <p className="cn-ok" role="status" data-testid="teamleader-auth-ok">
        {t('connections.auth.succeeded', { account: [company, detail].filter(Boolean).join(' · ') })}
      </p>
    );
  }
  return (
    <p className="form-error" role="alert" data-testid="teamleader-auth-failed">
      {auth.state === 'expired'
        ? t('connections.auth.expired')
        : t('connections.auth.failed', {
            message:
              auth.message === undefined ? '' : failureWords({ message: auth.message, text: auth.text }),
          })}
    </p>
  );
}

import { KeyRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** Said plainly when no OS keychain is reachable: nothing weaker is offered instead. */
export function KeychainNotice({ message, id }: { message: string; id: string }) {
  const { t } = useTranslation();
  return (
    <section className="cn-notice cn-notice-danger" role="alert" id={id} data-testid="keychain-unavailable">
      <KeyRound size={20} aria-hidden="true" />
      <div>
        <h2>{t('connections.keychain.title')}</h2>
        <p>{t('connections.keychain.body')}</p>
        {/* Main's message names the cause and what to do on this operating system. */}
        <p className="cn-detail">{message}</p>
      </div>
    </section>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from '../../api/failure-text';
import { PageHeader } from '../../components/PageHeader';
import { useConnectionStore } from '../../stores/connection-store';
import { useSettingsStore } from '../../stores/settings-store';
import './connections.css';
import { KeychainNotice } from './KeychainNotice';
import { SandboxPanel } from './SandboxPanel';
import { SystemSection } from './SystemSection';

const KEYCHAIN_NOTICE_ID = 'cn-keychain-notice';

/**
 * `#/connections`: Teamleader (OAuth), MplusKASSA (host, port, ident, secret) and the sandbox. The
 * renderer only ever sees a connection's name, kind, status and account: secrets go in, never out.
 */
export function ConnectionsScreen() {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const load = useConnectionStore((state) => state.load);
  const keychain = useConnectionStore((state) => state.keychain);
  const loadError = useConnectionStore((state) => state.loadError);
  useEffect(() => {
    void load().then(() => {
      // A connection never checked (the sandbox's on a first start) is checked now, so its card says who it is.
      const { connections, test } = useConnectionStore.getState();
      for (const connection of connections ?? [])
        if (connection.status === 'new') test(connection.id).catch(() => undefined);
    });
  }, [load]);
  // The connections as the settings list them: added, removed or renamed elsewhere (another
  // window, `koppel connections add`, `koppel sandbox`), the cards are read again.
  const listed = useSettingsStore((state) => JSON.stringify(state.settings?.connections ?? null));
  const shown = useRef(listed);
  useEffect(() => {
    if (listed === shown.current) return;
    shown.current = listed;
    void load();
  }, [listed, load]);
  const canStore = keychain?.available === true;
  return (
    <div className="screen" data-testid="screen-connections">
      <PageHeader title={t('connections.title')} subtitle={t('connections.subtitle')} />
      {loadError && (
        <p className="form-error" role="alert">
          {failureWords(loadError)}
        </p>
      )}
      {keychain && !keychain.available && (
        <KeychainNotice message={failureWords(keychain)} id={KEYCHAIN_NOTICE_ID} />
      )}
      <SystemSection kind="teamleader" canStore={canStore} blockedBy={KEYCHAIN_NOTICE_ID} />
      <SystemSection kind="mplus" canStore={canStore} blockedBy={KEYCHAIN_NOTICE_ID} />
      <SandboxPanel />
    </div>
  );
}

import { FlaskConical, KeyRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../../stores/settings-store';
import { useWizardStore } from '../../stores/wizard-store';

/**
 * In the connect step, for an own account when no OS keychain is reachable: what that means in one
 * sentence, the way on (the sandbox), and main's technical message folded away for whoever sets up
 * the keychain. Nothing weaker than the keychain is offered.
 */
export function KeychainMissing({ system, detail }: { system: 'teamleader' | 'mplus'; detail: string }) {
  const { t } = useTranslation();
  const setMode = useWizardStore((state) => state.setMode);
  const testConnections = useWizardStore((state) => state.testConnections);
  const sandboxOn = useSettingsStore((state) => state.settings?.sandbox.enabled ?? true);
  const name = t(`connections.${system}`);
  return (
    <div className="wz-keychain" role="alert" data-testid={`wizard-no-keychain-${system}`}>
      <KeyRound size={18} aria-hidden="true" />
      <div className="wz-keychain-body">
        <p>
          <strong>{t('connections.keychain.title')}</strong>
        </p>
        <p>{t('wizard.connect.noKeychain', { system: name })}</p>
        {sandboxOn && (
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setMode(system, 'sandbox');
                void testConnections();
              }}
            >
              <FlaskConical size={15} aria-hidden="true" />
              {t('wizard.connect.useSandbox', { system: name })}
            </button>
          </p>
        )}
        <details>
          <summary>{t('wizard.connect.keychainHelp')}</summary>
          <p className="cn-detail">{detail}</p>
        </details>
      </div>
    </div>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionStore } from '../../stores/connection-store';
import { useWizardStore } from '../../stores/wizard-store';
import '../connections/connections.css';
import { SystemConnect } from './SystemConnect';

/** Step 2: each system connected (the sandbox's are checked at once). */
export function ConnectStep() {
  const { t } = useTranslation();
  const load = useConnectionStore((state) => state.load);
  const testConnections = useWizardStore((state) => state.testConnections);
  useEffect(() => {
    void load().then(() => testConnections());
  }, [load, testConnections]);
  return (
    <div className="wz-body">
      <p className="wz-lead">{t('wizard.connect.lead')}</p>
      <div className="wz-stack">
        <SystemConnect system="teamleader" />
        <SystemConnect system="mplus" />
      </div>
    </div>
  );
}

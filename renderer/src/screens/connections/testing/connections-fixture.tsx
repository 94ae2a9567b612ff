import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { apiMessage } from '../../../../../shared/api/api-messages';
import type { SandboxStatus } from '../../../../../shared/api/calls/connections';
import { KoppelError } from '../../../../../shared/api/errors';
import type { Language } from '../../../../../shared/settings/settings';
import { setApiClient } from '../../../api/api';
import { scriptedClient } from '../../../api/testing/scripted-client';
import { changeLanguage, initI18n } from '../../../i18n/i18n';
import { useConnectionStore } from '../../../stores/connection-store';
import { ConnectionsScreen } from '../ConnectionsScreen';
import { SandboxPanel } from '../SandboxPanel';

/** What `ConnectionsScreen.test.ts` drives in the browser. */
export interface ConnectionsFixture {
  /** The whole screen: it loads on mount, and main refuses the connection list. */
  mountScreen(): void;
  /** The sandbox panel with the twins running: resetting them is refused. */
  mountSandboxPanel(): void;
  language(language: Language): Promise<void>;
}

declare global {
  interface Window {
    connectionsFixture?: ConnectionsFixture;
  }
}

const sandbox: SandboxStatus = { enabled: true, running: true, owner: 'process', seed: 7, size: 'small' };

let root: Root | null = null;
function mount(element: ReactNode): void {
  root?.unmount();
  root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(<StrictMode>{element}</StrictMode>);
}

async function start(): Promise<void> {
  // Main answers as its dispatcher does: a coded failure (its English sentence beside the code).
  setApiClient(
    scriptedClient({
      'connections.list': () => {
        throw new KoppelError(
          'invalid_output',
          apiMessage('invalidCallOutput', { name: 'connections.list' }),
        );
      },
      'connections.keychainStatus': () => ({ available: true }),
      'sandbox.status': () => sandbox,
      'sandbox.reset': () => {
        throw new KoppelError('unknown_call', apiMessage('unknownCall', { name: '"sandbox.reset"' }));
      },
    }),
  );
  await initI18n('nl');
  window.connectionsFixture = {
    mountScreen: () => mount(<ConnectionsScreen />),
    mountSandboxPanel() {
      useConnectionStore.setState({ sandbox });
      mount(<SandboxPanel />);
    },
    language: changeLanguage,
  };
}

void start();

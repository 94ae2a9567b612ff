import { create } from 'zustand';
import type {
  ConnectionTestResult,
  ConnectionView,
  KeychainStatus,
  SandboxStatus,
  TeamleaderAuthState,
} from '../../../shared/api/calls/connections';
import type { CallInput } from '../../../shared/api/contract';
import { api } from '../api/api';
import { failureOf, type Failure } from '../api/failure-text';
import type { CodedText } from '../../../shared/flow/wording';

/** A Teamleader sign-in in progress (or just finished), as the screens show it. */
export interface TeamleaderAuthProgress {
  authId: string;
  connectionId: string;
  authorizeUrl: string;
  /** Whether main opened the system browser; if not, the renderer opened (or offers) the URL. */
  opened: boolean;
  state: TeamleaderAuthState;
  message?: string;
  /** `message` as a code when Koppel said it, for the UI's language. */
  text?: CodedText;
  connection?: ConnectionView;
}

interface ConnectionStoreState {
  connections: ConnectionView[] | null;
  keychain: KeychainStatus | null;
  sandbox: SandboxStatus | null;
  loadError: Failure | null;
  auth: TeamleaderAuthProgress | null;
  /** Connections, keychain and sandbox status, all at once. */
  load(): Promise<void>;
  refreshSandbox(): Promise<void>;
  test(id: string): Promise<ConnectionTestResult>;
  saveMplus(input: CallInput<'connections.saveMplus'>): Promise<ConnectionView>;
  /** Starts the OAuth round trip and follows it until it succeeds, fails or expires. */
  connectTeamleader(input: CallInput<'connections.startTeamleaderAuth'>): Promise<TeamleaderAuthProgress>;
  /** Stops following a sign-in (the listener in main expires by itself). */
  stopTeamleaderAuth(): void;
  disconnect(id: string): Promise<ConnectionView>;
  remove(id: string): Promise<void>;
  resetSandbox(): Promise<SandboxStatus>;
  /** Restarts the sandbox with the seed and size the settings ask for. */
  applySandbox(): Promise<SandboxStatus>;
}

/** How often a pending Teamleader sign-in is asked about: the user is busy in the browser meanwhile. */
const AUTH_POLL_MS = 700;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The connection list with one connection replaced (or added). */
function withConnection(list: ConnectionView[] | null, view: ConnectionView): ConnectionView[] {
  const others = (list ?? []).filter((connection) => connection.id !== view.id);
  return [...others, view];
}

/** Connections, the keychain and the sandbox, for the Connections screen and the wizard. */
export const useConnectionStore = create<ConnectionStoreState>()((set, get) => ({
  connections: null,
  keychain: null,
  sandbox: null,
  loadError: null,
  auth: null,

  async load() {
    try {
      const [{ connections }, keychain, sandbox] = await Promise.all([
        api().connections.list({}),
        api().connections.keychainStatus({}),
        api().sandbox.status({}),
      ]);
      set({ connections, keychain, sandbox, loadError: null });
    } catch (error) {
      set({ loadError: failureOf(error) });
    }
  },

  async refreshSandbox() {
    set({ sandbox: await api().sandbox.status({}) });
  },

  async test(id) {
    const result = await api().connections.test({ id });
    set({ connections: withConnection(get().connections, result.connection) });
    return result;
  },

  async saveMplus(input) {
    const saved = await api().connections.saveMplus(input);
    set({ connections: withConnection(get().connections, saved) });
    return saved;
  },

  async connectTeamleader(input) {
    const started = await api().connections.startTeamleaderAuth(input);
    // The web host cannot open the system browser: this page opens the authorize page instead.
    if (!started.opened) window.open(started.authorizeUrl, '_blank', 'noopener,noreferrer');
    let progress: TeamleaderAuthProgress = {
      authId: started.authId,
      connectionId: started.connectionId,
      authorizeUrl: started.authorizeUrl,
      opened: started.opened,
      state: 'pending',
    };
    set({ auth: progress });
    while (progress.state === 'pending') {
      await wait(AUTH_POLL_MS);
      if (get().auth?.authId !== started.authId) return progress;
      const status = await api().connections.teamleaderAuthStatus({ authId: started.authId });
      progress = {
        ...progress,
        state: status.state,
        ...(status.message ? { message: status.message } : {}),
        ...(status.text ? { text: status.text } : {}),
        ...(status.connection ? { connection: status.connection } : {}),
      };
      if (get().auth?.authId !== started.authId) return progress;
      set({
        auth: progress,
        ...(status.connection ? { connections: withConnection(get().connections, status.connection) } : {}),
      });
    }
    return progress;
  },

  stopTeamleaderAuth() {
    set({ auth: null });
  },

  async disconnect(id) {
    const view = await api().connections.disconnect({ id });
    set({ connections: withConnection(get().connections, view) });
    return view;
  },

  async remove(id) {
    await api().connections.delete({ id });
    set({ connections: (get().connections ?? []).filter((connection) => connection.id !== id) });
  },

  async resetSandbox() {
    const sandbox = await api().sandbox.reset({});
    set({ sandbox });
    return sandbox;
  },

  async applySandbox() {
    const sandbox = await api().sandbox.apply({});
    set({ sandbox });
    return sandbox;
  },
}));

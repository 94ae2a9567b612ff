import { create } from 'zustand';
import type { MplusChoices, TeamleaderChoices, WizardSystem } from '../../../shared/api/calls/wizard';
import { api } from '../api/api';
import { failureOf, type Failure } from '../api/failure-text';

/** One system's reference data as the inspector's pickers see it. */
export type SystemChoices =
  | { state: 'loading' }
  | { state: 'ready'; teamleader?: TeamleaderChoices; mplus?: MplusChoices }
  /** The system's own words (a wrong secret, no network), or Koppel's failure to ask. */
  | { state: 'failed'; reason: string | Failure };

interface ReferenceChoicesState {
  /** By {@link choicesKey}. */
  bySource: Record<string, SystemChoices>;
  /** Reads a system's lists through a connection once (again after a failure). */
  load(system: WizardSystem, connectionId: string | undefined): Promise<void>;
  /**
   * Reads a system's lists again, e.g. after a VAT code or department was added there: what was
   * read stays offered until the new lists arrive.
   */
  reload(system: WizardSystem, connectionId: string | undefined): Promise<void>;
  /** Forgets what was read (a list read after this is read anew). */
  clear(): void;
}

/** The key of a system read through a connection (absent: the default one). */
export function choicesKey(system: WizardSystem, connectionId: string | undefined): string {
  return `${system}:${connectionId ?? ''}`;
}

/**
 * The systems' lists (VAT codes, employees, departments…) the inspector offers, read once per
 * connection while the app is open: a Teamleader read costs a few calls of its rate limit.
 */
export const useReferenceChoicesStore = create<ReferenceChoicesState>()((set, get) => {
  /** Keys being read now: a second ask while one is under way waits for it instead. */
  const reading = new Map<string, Promise<void>>();
  const read = (system: WizardSystem, connectionId: string | undefined, showLoading: boolean) => {
    const key = choicesKey(system, connectionId);
    const under = reading.get(key);
    if (under) return under;
    const put = (choices: SystemChoices) => set({ bySource: { ...get().bySource, [key]: choices } });
    if (showLoading) put({ state: 'loading' });
    const done = (async () => {
      try {
        const answer = await api().editor.choices({
          system,
          ...(connectionId ? { connectionId } : {}),
        });
        const { teamleader, mplus } = answer;
        if (teamleader?.ok) put({ state: 'ready', teamleader: teamleader.data });
        else if (mplus?.ok) put({ state: 'ready', mplus: mplus.data });
        else put({ state: 'failed', reason: (teamleader ?? mplus)?.message ?? '' });
      } catch (error) {
        put({ state: 'failed', reason: failureOf(error) });
      } finally {
        reading.delete(key);
      }
    })();
    reading.set(key, done);
    return done;
  };
  return {
    bySource: {},
    clear: () => set({ bySource: {} }),
    load(system, connectionId) {
      const known = get().bySource[choicesKey(system, connectionId)];
      if (known && known.state !== 'failed') return Promise.resolve();
      return read(system, connectionId, true);
    },
    reload(system, connectionId) {
      const known = get().bySource[choicesKey(system, connectionId)];
      return read(system, connectionId, known?.state !== 'ready');
    },
  };
});

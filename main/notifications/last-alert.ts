import { LastAlert } from '../../shared/api/calls/settings';
import type { Store } from '../store/store';

/** Where the last alert's outcome is kept: the run database's meta table, shared by every process. */
const KEY = 'emailAlerts.last';

/** Keeps how an alert went, so Settings can say that alerts stopped arriving and why. */
export function recordLastAlert(store: Store, alert: LastAlert): void {
  store.writeMeta(KEY, JSON.stringify(alert));
}

/** How the last alert went, or null before the first (or when what is stored cannot be read). */
export function lastAlert(store: Store): LastAlert | null {
  const text = store.readMeta(KEY);
  if (!text) return null;
  try {
    return LastAlert.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

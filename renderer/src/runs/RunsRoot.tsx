import { useEffect } from 'react';
import { NotificationCenter } from '../notifications/NotificationCenter';
import { startRunEventHub } from '../stores/run-event-hub';

/**
 * Mounted once for the whole window: starts the one `runs.events` subscriber that keeps the run
 * stores current, and shows notices about failed and recovered flows.
 */
export function RunsRoot() {
  useEffect(() => startRunEventHub(), []);
  return <NotificationCenter />;
}

import type { RunEvent } from './run-events';
import type { RunMessage } from './run-messages';

/** A line a run warned of (e.g. a tax rule that changes the VAT), worded by the screen or the command line. */
export interface RunWarning {
  message: string;
  text?: RunMessage;
}

/** A run's warning lines ("warn" log events), each message once and in the order told, at most `max`. */
export function warningsIn(
  events: readonly RunEvent[],
  max = 5,
  known: readonly RunWarning[] = [],
): RunWarning[] {
  const warnings = new Map<string, RunWarning>(known.map((warning) => [warning.message, warning]));
  for (const event of events) {
    if (warnings.size >= max) break;
    if (event.type !== 'log' || event.level !== 'warn' || warnings.has(event.message)) continue;
    warnings.set(event.message, { message: event.message, ...(event.text ? { text: event.text } : {}) });
  }
  return [...warnings.values()];
}

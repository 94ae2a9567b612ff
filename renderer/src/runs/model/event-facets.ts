import type { RunEvent } from '../../../../shared/flow/run-events';
import { skipReasonsText } from '../../../../shared/flow/skip-reasons';

/** Severity of a log row, lowest first; the level filter shows a level and everything above it. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What happened to a record in a row (item events only); the status filter picks one. */
export const LOG_STATUSES = ['running', 'retrying', 'succeeded', 'skipped', 'failed'] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

export function levelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

/** How loud an event is: failures are errors, automatic retries warnings, progress ticks debug. */
export function eventLevel(event: RunEvent): LogLevel {
  switch (event.type) {
    case 'itemFailed':
      return 'error';
    case 'itemRetrying':
      return 'warn';
    case 'nodeProgress':
    case 'cursorSaved':
      return 'debug';
    case 'log':
      return event.level;
    case 'runFinished':
      return event.status === 'succeeded' || event.status === 'cancelled' ? 'info' : 'error';
    default:
      return 'info';
  }
}

export function eventStatus(event: RunEvent): LogStatus | null {
  switch (event.type) {
    case 'itemStarted':
      return 'running';
    case 'itemRetrying':
      return 'retrying';
    case 'itemSucceeded':
    case 'wouldWrite':
      return 'succeeded';
    case 'itemSkipped':
      return 'skipped';
    case 'itemFailed':
      return 'failed';
    default:
      return null;
  }
}

/** The node an event points back to, if any. */
export function eventNode(event: RunEvent): string | null {
  switch (event.type) {
    case 'runStarted':
    case 'runFinished':
      return null;
    case 'log':
      return event.nodeId ?? null;
    default:
      return event.nodeId ?? null;
  }
}

/** The record an event is about, if any. */
export function eventItemId(event: RunEvent): number | null {
  return 'itemId' in event ? event.itemId : null;
}

/** Lower-case text a search matches against (language-neutral: keys, codes, messages). */
export function eventSearchText(event: RunEvent): string {
  const parts: string[] = [];
  switch (event.type) {
    case 'runStarted':
      parts.push(event.flowName, event.trigger);
      break;
    case 'itemStarted':
      parts.push(event.key, ...Object.values(event.businessKeys));
      break;
    case 'itemRetrying':
    case 'itemFailed':
      parts.push(event.key, event.error.code, event.error.message, event.error.field ?? '');
      break;
    case 'itemSucceeded':
      parts.push(event.key, event.action ?? '', ...Object.values(event.targetIds ?? {}));
      break;
    case 'itemSkipped':
      // The English sentence and the Dutch one: the log is searched in what it shows.
      parts.push(event.key, event.reason, skipReasonsText(event.reasons, 'nl', '') ?? '');
      break;
    case 'wouldWrite':
      parts.push(event.key, event.action);
      break;
    case 'log':
      parts.push(event.message, event.key ?? '');
      break;
    case 'runFinished':
      parts.push(event.status, event.error?.code ?? '', event.error?.message ?? '');
      break;
    default:
      break;
  }
  return parts.join(' ').toLowerCase();
}

/** One of `options` equal to `value`, or the fallback (for values read from a select). */
export function oneOf<T extends string>(options: readonly T[], value: string): T | null {
  return options.find((option) => option === value) ?? null;
}

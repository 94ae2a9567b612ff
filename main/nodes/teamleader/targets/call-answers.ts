import { toJsonObject } from '../../../../shared/domain/json';
import type { JsonObject } from '../../../../shared/flow/json';
import type { CallJournal, CallOptions } from '../../../connectors/teamleader';

/** The options a record's write calls Teamleader with: its signal, and a journal of its calls. */
export function writeCalls(signal: AbortSignal): CallOptions & { journal: CallJournal } {
  return { signal, journal: [] };
}

/**
 * What a write stores with its record as the API's answer: each call it made, in order, with the
 * created reference Teamleader answered (`invoices.draft` → `{ data: { type, id } }`) and the
 * status of those that answer nothing (204).
 */
export function answerOf(calls: { journal: CallJournal }): JsonObject {
  return toJsonObject({ calls: calls.journal });
}

import type { z } from 'zod';
import type { JsonObject } from '../../../../shared/flow/json';
import type { RecordNoun } from '../../../../shared/flow/messages/nouns';
import { issueWords } from '../../../../shared/flow/issue-words';
import { runMessage } from '../../../../shared/flow/run-messages';
import { permanentError } from '../../../engine/errors';

/**
 * Reads a flow record as a canonical record. A record that does not fit fails with the field
 * named, e.g. `Sales order record: field "lines.0.quantity": expected number`.
 */
export function readRecord<S extends z.ZodType>(schema: S, data: JsonObject, what: RecordNoun): z.output<S> {
  // `reportInput` so a wrong type's words name the type received (see issueWords).
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  throw permanentError(
    runMessage('invalidRecord', {
      record: what,
      field: field || undefined,
      ...(issue ? issueWords(issue) : { issue: 'not valid' }),
    }),
    {
      code: 'invalid_record',
      ...(field ? { field } : {}),
    },
  );
}

/** `Sales order "O2026-000003"` — how messages name a sales document. */
export function orderLabel(order: { number: string; kind: string }): string {
  const noun =
    order.kind === 'invoice'
      ? 'Invoice'
      : order.kind === 'quotation'
        ? 'Quotation'
        : order.kind === 'deal'
          ? 'Deal'
          : 'Sales order';
  return `${noun} "${order.number}"`;
}

/**
 * Reads an update payload (the record minus its create-only fields) as a partial canonical record.
 * Only keys the payload has survive: a default in the schema must not look like a value to write.
 */
export function readPayload<T extends Record<string, unknown>>(
  schema: z.ZodType<T>,
  data: JsonObject,
  what: RecordNoun,
): Partial<T> {
  const parsed: Partial<T> = readRecord(schema, data, what);
  const present = new Set(Object.keys(data));
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(parsed)) if (present.has(key)) Reflect.set(out, key, value);
  return out;
}

import { z } from 'zod';
import type { JsonValue } from '../../shared/flow/json';
import { RunMessage } from '../../shared/flow/run-messages';
import { StepErrorInfo } from '../../shared/flow/run-records';
import { SkipReason } from '../../shared/flow/skip-reasons';

/** A JSON column read back; the store wrote it, so it is JSON. */
export function fromJsonColumn(text: string | null): JsonValue | null {
  return text === null ? null : (JSON.parse(text) as JsonValue);
}

export function errorFromColumn(text: string | null): StepErrorInfo | null {
  if (text === null) return null;
  const parsed = StepErrorInfo.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : { code: 'unknown', message: text, transient: false };
}

export function idsFromColumn(text: string | null): Record<string, string> | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value).map(([key, id]) => [key, String(id)]));
}

/** Skip reasons read back; null when absent or not what this version reads (the sentence stays). */
export function reasonsFromColumn(text: string | null): SkipReason[] | null {
  if (text === null) return null;
  const parsed = z.array(SkipReason).safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** A coded text (a run error's code) from its column: absent when there is none or it does not read. */
export function textFromColumn(text: string | null): { text?: RunMessage } {
  if (text === null) return {};
  const parsed = RunMessage.safeParse(JSON.parse(text));
  return parsed.success ? { text: parsed.data } : {};
}

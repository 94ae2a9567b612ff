import { z } from 'zod';
import type { ConnectionKind } from './node-definition';
import { field } from './ui-hints';

/**
 * Config fields shared by node kinds. Sources use the same three so the engine can honour them the
 * same way everywhere (it reads `amountPerRun` itself; `startFrom` is the source's to apply on a
 * first run, when no cursor is stored yet).
 */
export function connectionField(kind: ConnectionKind) {
  return field(z.string().min(1).optional(), {
    title: { en: 'Connection', nl: 'Verbinding' },
    description: {
      en: 'Which account to use; empty means the only (or default) one.',
      nl: 'Welk account; leeg betekent het enige (of standaard) account.',
    },
    widget: 'connection',
    connectionKind: kind,
  });
}

export const startFromField = field(z.iso.date().optional(), {
  title: { en: 'Start from', nl: 'Beginnen vanaf' },
  description: {
    en: 'On the first run, only read records changed on or after this date.',
    nl: 'Bij de eerste run alleen records lezen die op of na deze datum gewijzigd zijn.',
  },
  widget: 'date',
});

export const amountPerRunField = field(z.number().int().min(1).max(1_000_000).optional(), {
  title: { en: 'Amount per run', nl: 'Aantal per run' },
  description: {
    en: 'Stop after this many records; the next run continues where this one stopped.',
    nl: 'Stoppen na zoveel records; de volgende run gaat verder waar deze stopte.',
  },
});

/** Rows of a lookup table: key → value. Keys are compared as text. */
export const LookupRow = z.object({
  key: field(z.string(), { title: { en: 'Key', nl: 'Sleutel' } }),
  value: field(z.json(), { title: { en: 'Value', nl: 'Waarde' } }),
});
export type LookupRow = z.infer<typeof LookupRow>;

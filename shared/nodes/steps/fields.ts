import { z } from 'zod';
import { PaymentTerm } from '../../domain/sales-order';
import { Condition, CONDITION_TITLE, CONDITIONS_TITLE, matchModeField } from '../conditions';
import { field } from '../ui-hints';
import type { PortDefinition } from '../node-definition';

/** The input of every system source: the run's start record. */
export const triggerInput: PortDefinition = {
  id: 'in',
  label: { en: 'Start', nl: 'Start' },
  recordType: 'trigger',
};

/**
 * Custom filters of a source: records that do not meet them are not read into the run (the
 * cursor still moves past them). Paths point into the canonical record, `raw.…` into the API's.
 */
export const SourceFilters = z.object({
  match: matchModeField,
  conditions: field(z.array(Condition).default([]), {
    title: CONDITIONS_TITLE,
    widget: 'conditions',
    itemTitle: CONDITION_TITLE,
  }),
});
export type SourceFilters = z.infer<typeof SourceFilters>;

export const sourceFiltersField = field(SourceFilters.default({ match: 'all', conditions: [] }), {
  title: { en: 'Custom filters', nl: 'Eigen filters' },
  description: {
    en: 'Only records that meet these conditions are synced, e.g. status equals "paid".',
    nl: 'Alleen records die hieraan voldoen worden gesynchroniseerd, bijv. status is "paid".',
  },
  widget: 'conditions',
});

export const pageSizeField = field(z.number().int().min(1).max(500).default(100), {
  title: { en: 'Page size', nl: 'Paginagrootte' },
  description: { en: 'Records per request to the API.', nl: 'Records per verzoek aan de API.' },
  advanced: true,
});

/**
 * Text in front of the number in your SKUs (e.g. "SKU-"): MplusKASSA article numbers are digits
 * only, so this prefix is removed (and added back towards Teamleader) before the number is checked.
 */
export const skuPrefixField = field(z.string().max(20).default(''), {
  title: { en: 'SKU prefix', nl: 'SKU-voorvoegsel' },
  description: {
    en: 'Removed from SKUs to get the MplusKASSA article number (digits only), e.g. "SKU-" for SKU-00012 → 12.',
    nl: 'Wordt van SKU’s gehaald om het MplusKASSA-artikelnummer (alleen cijfers) te krijgen, bijv. "SKU-".',
  },
  group: { en: 'Article numbers', nl: 'Artikelnummers' },
});

/** Where walk-in sales (no customer, or no e-mail) go: one fixed customer, found or created by e-mail. */
export const DefaultDebtor = z.object({
  enabled: field(z.boolean().default(false), {
    title: { en: 'Use the default debtor', nl: 'Standaarddebiteur gebruiken' },
  }),
  name: field(z.string().min(1).default('Kassaklant'), { title: { en: 'Name', nl: 'Naam' } }),
  email: field(z.email().default('kassa@koppel.invalid'), {
    title: { en: 'E-mail', nl: 'E-mail' },
    description: {
      en: 'How the customer is found in the other system (or created there once).',
      nl: 'Hiermee wordt de klant in het andere systeem gevonden (of daar eenmaal aangemaakt).',
    },
  }),
});
export type DefaultDebtor = z.infer<typeof DefaultDebtor>;

export const defaultDebtorField = field(
  DefaultDebtor.default({ enabled: false, name: 'Kassaklant', email: 'kassa@koppel.invalid' }),
  {
    title: { en: 'Default debtor', nl: 'Standaarddebiteur' },
    description: {
      en: 'When on, sales without a customer (or without an e-mail) are booked on this customer.',
      nl: 'Indien aan worden verkopen zonder klant (of zonder e-mail) op deze klant geboekt.',
    },
  },
);

/** The kinds of payment term in words: the inspector's and the wizard's pickers. */
export const PAYMENT_TERM_KINDS: readonly {
  value: PaymentTerm['type'];
  label: { en: string; nl: string };
}[] = [
  { value: 'cash', label: { en: 'Cash', nl: 'Contant' } },
  { value: 'afterInvoiceDate', label: { en: 'Days after the invoice date', nl: 'Dagen na factuurdatum' } },
  { value: 'endOfMonth', label: { en: 'Days after the end of the month', nl: 'Dagen na einde maand' } },
];

/**
 * A payment term as the inspector shows it: {@link PaymentTerm} (the same values) with its fields
 * worded, so a Dutch user does not read "Type: cash".
 */
export const PaymentTermSetting = z.object({
  type: field(PaymentTerm.shape.type, {
    title: { en: 'Kind', nl: 'Soort' },
    widget: 'select',
    options: [...PAYMENT_TERM_KINDS],
  }),
  days: field(PaymentTerm.shape.days, {
    title: { en: 'Days', nl: 'Dagen' },
    shownWhen: { field: 'type', oneOf: ['afterInvoiceDate', 'endOfMonth'] },
  }),
});

/** What a target does when the record it should change does not exist there. */
export const missingField = (what: { en: string; nl: string }) =>
  field(z.enum(['skip', 'fail']).default('skip'), {
    title: { en: `When the ${what.en} is missing`, nl: `Als ${what.nl} ontbreekt` },
    widget: 'select',
    options: [
      { value: 'skip', label: { en: 'Skip the record', nl: 'Record overslaan' } },
      { value: 'fail', label: { en: 'Fail the record', nl: 'Record laten mislukken' } },
    ],
  });

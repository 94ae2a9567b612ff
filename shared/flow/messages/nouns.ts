import type { TextLanguage } from '../wording';

/** A sales document as messages name it (`kind` as the canonical sales order has it). */
const documentNouns: Record<string, Record<TextLanguage, string>> = {
  invoice: { en: 'Invoice', nl: 'Factuur' },
  quotation: { en: 'Quotation', nl: 'Offerte' },
  deal: { en: 'Deal', nl: 'Deal' },
  order: { en: 'Sales order', nl: 'Verkooporder' },
};

/** `Invoice`, `Factuur`; an unknown kind reads as a sales order. */
export function documentNoun(kind: string, language: TextLanguage): string {
  return (documentNouns[kind] ?? documentNouns.order)?.[language] ?? kind;
}

/** `Sales order "O2026-000003"`, `Verkooporder "O2026-000003"`. */
export function documentLabel(kind: string, number: string, language: TextLanguage): string {
  return `${documentNoun(kind, language)} "${number}"`;
}

/** The canonical records, as messages name them ("Customer record: field …"). */
const recordNouns = {
  'Sales order': { en: 'Sales order', nl: 'Verkooporder' },
  Customer: { en: 'Customer', nl: 'Klant' },
  Product: { en: 'Product', nl: 'Product' },
  Category: { en: 'Category', nl: 'Categorie' },
  'Stock level': { en: 'Stock level', nl: 'Voorraadniveau' },
  'Order status': { en: 'Order status', nl: 'Orderstatus' },
} satisfies Record<string, Record<TextLanguage, string>>;

export type RecordNoun = keyof typeof recordNouns;

/** The record's noun in `language` (a noun this version does not know reads as given). */
export function recordNoun(noun: string, language: TextLanguage): string {
  return Object.hasOwn(recordNouns, noun) ? recordNouns[noun as RecordNoun][language] : noun;
}

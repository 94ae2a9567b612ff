import { documentNoun } from './messages/nouns';
import { operatorWord } from './messages/operator-words';
import { CodedText, textCatalogue, wording, type TextLanguage } from './wording';

/**
 * Why a record was skipped, as a code and its parameters rather than a sentence, so every screen
 * says it in the user's language. The engine also stores the English sentence (the `reason`
 * column): the command line prints it, record search finds it, and it stands in for a code this
 * version does not know (a database written by a newer Koppel).
 */
export const SkipReason = CodedText;
export type SkipReason = CodedText;

export type ReasonLanguage = TextLanguage;

/** The documents an order can come from, in Dutch ("came from Teamleader (invoice 2026/4)"). */
const originNouns: Record<string, string> = {
  order: 'order',
  invoice: 'factuur',
  quotation: 'offerte',
  deal: 'deal',
};

/** `email contains "@example.com"`; `value` is the JSON text of the compared value, absent for unary operators. */
function condition(
  params: { path: string; operator: string; value?: string },
  language: ReasonLanguage,
): string {
  const operator = operatorWord(params.operator, language);
  return params.value === undefined
    ? `${params.path} ${operator}`
    : `${params.path} ${operator} ${params.value}`;
}

/** Every reason the engine and the node kinds give, in English and Dutch. */
const catalogue = {
  // The engine.
  unchanged: wording<Record<string, never>>(
    () => 'unchanged',
    () => 'ongewijzigd',
  ),
  nothingToWrite: wording<Record<string, never>>(
    () => 'nothing to write',
    () => 'niets te schrijven',
  ),
  nothingToDo: wording<Record<string, never>>(
    () => 'nothing to do',
    () => 'niets te doen',
  ),
  transformEmittedNothing: wording<Record<string, never>>(
    () => 'the transform emitted nothing',
    () => 'de transformatie gaf niets door',
  ),
  portLeadsNowhere: wording<{ node: string; port: string }>(
    ({ node, port }) => `left "${node}" through "${port}", which leads nowhere`,
    ({ node, port }) => `verliet "${node}" via "${port}", waar niets op aansluit`,
  ),
  retriedIn: wording<{ runId: string }>(
    ({ runId }) => `retried in run ${runId}`,
    ({ runId }) => `opnieuw geprobeerd in run ${runId}`,
  ),
  // Core transforms.
  codeReturnedNull: wording<Record<string, never>>(
    () => 'the code returned null',
    () => 'de code gaf null terug',
  ),
  filteredOut: wording<{ path: string; operator: string; value?: string }>(
    (params) => `filtered out: not ${condition(params, 'en')}`,
    (params) => `weggefilterd: niet ${condition(params, 'nl')}`,
  ),
  noConditionMatched: wording<Record<string, never>>(
    () => 'filtered out: none of the conditions matched',
    () => 'weggefilterd: geen van de voorwaarden klopt',
  ),
  statusNotMapped: wording<{ status: string }>(
    ({ status }) => `status "${status}" is not in the status map`,
    ({ status }) => `status "${status}" staat niet in de statustabel`,
  ),
  // Records that are already where they would go, or came from there.
  /** `kind` and `id` name the document it came from (`origin`: the English words, before there were kinds). */
  cameFrom: wording<{ system: string; kind?: string; id?: string; origin?: string }>(
    ({ system, kind, id, origin }) =>
      `came from ${system} (${origin ?? `${kind ?? ''} ${id ?? ''}`}), so it is not sent back`,
    ({ system, kind, id, origin }) =>
      `komt uit ${system} (${origin ?? `${originNouns[kind ?? ''] ?? kind ?? ''} ${id ?? ''}`}) en gaat daar dus niet naartoe terug`,
  ),
  mplusOrderExists: wording<{ order: string; reference: string }>(
    ({ order, reference }) => `already in MplusKASSA as order ${order} (extOrderId ${reference})`,
    ({ order, reference }) => `staat al in MplusKASSA als order ${order} (extOrderId ${reference})`,
  ),
  mplusInvoiceExists: wording<{ invoice: string; reference: string }>(
    ({ invoice, reference }) => `already in MplusKASSA as invoice ${invoice} (extInvoiceId ${reference})`,
    ({ invoice, reference }) => `staat al in MplusKASSA als factuur ${invoice} (extInvoiceId ${reference})`,
  ),
  teamleaderInvoiceExists: wording<{ invoice: string; reference: string }>(
    ({ invoice, reference }) =>
      `already in Teamleader as invoice ${invoice} (purchase order number ${reference})`,
    ({ invoice, reference }) =>
      `staat al in Teamleader als factuur ${invoice} (bestelbonnummer ${reference})`,
  ),
  teamleaderDraftInvoiceExists: wording<{ id: string; reference: string }>(
    ({ id, reference }) =>
      `already in Teamleader as invoice (draft ${id}) (purchase order number ${reference})`,
    ({ id, reference }) => `staat al in Teamleader als conceptfactuur ${id} (bestelbonnummer ${reference})`,
  ),
  teamleaderDealExists: wording<{ deal: string; reference: string }>(
    ({ deal, reference }) => `already in Teamleader as deal ${deal} (reference ${reference})`,
    ({ deal, reference }) => `staat al in Teamleader als deal ${deal} (referentie ${reference})`,
  ),
  mplusDocumentUnchangeable: wording<{ kind: string; number: string; document: 'order' | 'invoice' }>(
    ({ kind, number, document }) =>
      `${documentNoun(kind, 'en')} "${number}" is already in MplusKASSA; Koppel does not change ${document === 'order' ? 'orders' : 'invoices'} once created`,
    ({ kind, number, document }) =>
      `${documentNoun(kind, 'nl')} "${number}" staat al in MplusKASSA; Koppel wijzigt ${document === 'order' ? 'orders' : 'facturen'} niet meer als ze eenmaal bestaan`,
  ),
  teamleaderInvoiceBooked: wording<{ kind: string; number: string; invoice: string }>(
    ({ kind, number, invoice }) =>
      `${documentNoun(kind, 'en')} "${number}" is invoice ${invoice} in Teamleader, which is booked; booked invoices are not changed`,
    ({ kind, number, invoice }) =>
      `${documentNoun(kind, 'nl')} "${number}" is factuur ${invoice} in Teamleader en die is geboekt; geboekte facturen worden niet gewijzigd`,
  ),
  // Targets whose record is already up to date.
  teamleaderCustomerUpToDate: wording<{ kind: 'company' | 'contact'; id: string }>(
    ({ kind, id }) => `Teamleader ${kind} ${id} is already up to date`,
    ({ kind, id }) => `Teamleader-${kind === 'company' ? 'bedrijf' : 'contact'} ${id} is al bijgewerkt`,
  ),
  teamleaderProductUpToDate: wording<{ product: string }>(
    ({ product }) => `Teamleader product ${product} is already up to date`,
    ({ product }) => `Teamleader-product ${product} is al bijgewerkt`,
  ),
  mplusArticleUpToDate: wording<{ article: string }>(
    ({ article }) => `MplusKASSA article ${article} is already up to date`,
    ({ article }) => `MplusKASSA-artikel ${article} is al bijgewerkt`,
  ),
  mplusRelationUpToDate: wording<{ relation: string }>(
    ({ relation }) => `MplusKASSA relation ${relation} is already up to date`,
    ({ relation }) => `MplusKASSA-relatie ${relation} is al bijgewerkt`,
  ),
  mplusArticleGroupUpToDate: wording<{ group: string }>(
    ({ group }) => `MplusKASSA article group ${group} is already up to date`,
    ({ group }) => `MplusKASSA-artikelgroep ${group} is al bijgewerkt`,
  ),
  // Stock.
  mplusArticleMissing: wording<{ article: string; sku: string }>(
    ({ article, sku }) =>
      `no MplusKASSA article ${article} for SKU "${sku}" yet (sync the products first; the next runs try again)`,
    ({ article, sku }) =>
      `nog geen MplusKASSA-artikel ${article} voor SKU "${sku}" (synchroniseer eerst de producten; de volgende runs proberen het opnieuw)`,
  ),
  mplusStockUnchanged: wording<{ article: string; quantity: number }>(
    ({ article, quantity }) => `the free stock of article ${article} already is ${quantity}`,
    ({ article, quantity }) => `de vrije voorraad van artikel ${article} is al ${quantity}`,
  ),
  teamleaderProductMissing: wording<{ sku: string }>(
    ({ sku }) =>
      `no Teamleader product with code "${sku}" yet (sync the products first; the next runs try again)`,
    ({ sku }) =>
      `nog geen Teamleader-product met code "${sku}" (synchroniseer eerst de producten; de volgende runs proberen het opnieuw)`,
  ),
  teamleaderStockUnchanged: wording<{ sku: string; amount: number }>(
    ({ sku, amount }) => `the stock of Teamleader product "${sku}" already is ${amount}`,
    ({ sku, amount }) => `de voorraad van Teamleader-product "${sku}" is al ${amount}`,
  ),
  // Order status.
  mplusOrderMissing: wording<{ reference: string }>(
    ({ reference }) =>
      `no MplusKASSA order with extOrderId ${reference} yet (the next runs try again once the orders flow has made it)`,
    ({ reference }) =>
      `nog geen MplusKASSA-order met extOrderId ${reference} (de volgende runs proberen het opnieuw zodra de ordersflow hem heeft gemaakt)`,
  ),
  nothingForStatus: wording<{ status: string }>(
    ({ status }) => `nothing to do in MplusKASSA for status "${status}"`,
    ({ status }) => `niets te doen in MplusKASSA voor status "${status}"`,
  ),
  mplusOrderPaid: wording<{ order: string }>(
    ({ order }) => `MplusKASSA order ${order} is already paid`,
    ({ order }) => `MplusKASSA-order ${order} is al betaald`,
  ),
};

const reasons = textCatalogue(catalogue);

/** Every code this version knows. */
export const SKIP_REASON_CODES = reasons.codes;

/** A reason with its parameters checked against its wording. */
export const skipReason = reasons.make;

/**
 * Reasons that mean "the record this one needs is not there yet" (a product, an article, an
 * order another flow makes): a record skipped for one is offered again by the next runs of its
 * flow until it goes through, its source sends a newer version, or {@link WAITING_DAYS} pass.
 */
const WAITING_REASON_CODES: ReadonlySet<string> = new Set<keyof typeof catalogue>([
  'mplusArticleMissing',
  'teamleaderProductMissing',
  'mplusOrderMissing',
]);

/** How long a record skipped for a {@link waitsForAnotherRecord} reason is offered again. */
export const WAITING_DAYS = 14;
/** {@link WAITING_DAYS} in milliseconds: a record that waited longer is let go. */
export const WAITING_MS = WAITING_DAYS * 24 * 60 * 60 * 1000;

/** Whether a skip reason is one a record waits out (see {@link WAITING_REASON_CODES}). */
export function waitsForAnotherRecord(reason: SkipReason): boolean {
  return WAITING_REASON_CODES.has(reason.code);
}

/** The reason in `language`; null for a code this version does not know. */
export const skipReasonText = reasons.text;

/**
 * Several reasons as one line ("; " between them), each once. Falls back to `stored` (the English
 * sentence kept beside the codes) when there are no codes or one is unknown.
 */
export function skipReasonsText(
  reasons: readonly SkipReason[] | null | undefined,
  language: ReasonLanguage,
  stored: string | null,
): string | null {
  if (!reasons || reasons.length === 0) return stored;
  const texts: string[] = [];
  for (const reason of reasons) {
    const text = skipReasonText(reason, language);
    if (text === null) return stored;
    if (!texts.includes(text)) texts.push(text);
  }
  return texts.join('; ');
}

/** The reasons with repeats left out (the same code and parameters from two paths of one record). */
export function distinctReasons(reasons: readonly SkipReason[]): SkipReason[] {
  const seen = new Set<string>();
  const kept: SkipReason[] = [];
  for (const reason of reasons) {
    const key = JSON.stringify([reason.code, reason.params]);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(reason);
  }
  return kept;
}

/** The English sentence the engine stores beside the codes (a code it does not know reads as itself). */
export function englishReasons(reasons: readonly SkipReason[]): string {
  return reasons.map((reason) => skipReasonText(reason, 'en') ?? reason.code).join('; ');
}

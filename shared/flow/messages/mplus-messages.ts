import { wording, type TextLanguage } from '../wording';
import { valueReasonWords } from './mplus-value-reasons';
import { documentLabel } from './nouns';

/** A line of a sales document, as messages name it: `Sales order "O-1" line 2`. */
export interface MplusLinePlace {
  kind: string;
  number: string;
  line: number;
}

/**
 * Where in a record a message about an article number or a VAT code points: the stock of a SKU,
 * a product (its SKU, else its name), or a line of a sales document.
 */
export type MplusPlace = { stockOf: string } | { product: string } | MplusLinePlace;

/** `Stock of "SKU-1"`, `Product "SKU-1"`, `Invoice "2025 / 4" line 2` (and in Dutch). */
function place(where: MplusPlace, language: TextLanguage): string {
  if ('stockOf' in where) return `${language === 'en' ? 'Stock of' : 'Voorraad van'} "${where.stockOf}"`;
  if ('product' in where) return `Product "${where.product}"`;
  const label = documentLabel(where.kind, where.number, language);
  return language === 'en' ? `${label} line ${where.line}` : `${label}, regel ${where.line}`;
}

/**
 * A field that does not fit MplusKASSA's schema: its path in the call (`createOrderV3.request.order
 * .lineList.line[0].data.price`), `reason` a code of `mplus-value-reasons.ts` and its parameters.
 */
type ValueProblem = { path: string; reason: string } & Record<string, string | number>;

const valueProblem = ({ path, reason, ...params }: ValueProblem, language: TextLanguage): string =>
  `${path}: ${valueReasonWords({ code: reason, params }, language)}`;

/** What the MplusKASSA node kinds say about a record, in English and Dutch. */
export const mplusMessages = {
  // Article numbers and VAT codes.
  mplusMissingSku: wording<MplusPlace>(
    (where) => `${place(where, 'en')}: has no SKU, so it has no MplusKASSA article number.`,
    (where) => `${place(where, 'nl')}: heeft geen SKU en dus geen MplusKASSA-artikelnummer.`,
  ),
  mplusInvalidSku: wording<MplusPlace & { sku: string; prefix: string }>(
    (params) =>
      `${place(params, 'en')}: SKU "${params.sku}" is not an MplusKASSA article number (digits only${params.prefix ? `, after removing the prefix "${params.prefix}"` : ''}).`,
    (params) =>
      `${place(params, 'nl')}: SKU "${params.sku}" is geen MplusKASSA-artikelnummer (alleen cijfers${params.prefix ? `, na het weglaten van het voorvoegsel "${params.prefix}"` : ''}).`,
  ),
  /** A line goes to MplusKASSA under a VAT code of another rate than the source charged. */
  mplusTaxChanged: wording<MplusLinePlace & { from: number; to: number; code: number }>(
    (params) =>
      `${place(params, 'en')}: ${params.from} % VAT at the source, ${params.to} % in MplusKASSA (VAT code ${params.code}, as "Tax per country" maps it): the order's VAT and total differ from the source's. Told once a run for ${params.from} % → code ${params.code}.`,
    (params) =>
      `${place(params, 'nl')}: ${params.from} % btw in de bron, ${params.to} % in MplusKASSA (btw-code ${params.code}, zoals "Btw per land" het omzet): btw en totaal van de order wijken af van de bron. Eén keer per run gemeld voor ${params.from} % → code ${params.code}.`,
  ),
  mplusUnknownTaxRate: wording<MplusPlace & { rate: number }>(
    (params) =>
      `${place(params, 'en')}: tax rate ${params.rate} % has no MplusKASSA VAT code (add it to the "Tax rate → VAT code" table).`,
    (params) =>
      `${place(params, 'nl')}: btw-tarief ${params.rate} % heeft geen MplusKASSA-btw-code (voeg het toe aan de tabel "Btw-tarief → btw-code").`,
  ),
  // Sales documents.
  mplusNotInMplusYet: wording<{ kind: string; number: string }>(
    ({ kind, number }) => `${documentLabel(kind, number, 'en')} is not in MplusKASSA yet.`,
    ({ kind, number }) => `${documentLabel(kind, number, 'nl')} staat nog niet in MplusKASSA.`,
  ),
  /** `count` is the number of lines whose article is missing; `skus` the quoted SKUs, comma-separated. */
  mplusMissingArticles: wording<{ kind: string; number: string; count: number; skus: string }>(
    ({ kind, number, count, skus }) =>
      `${documentLabel(kind, number, 'en')}: ${count === 1 ? 'product' : 'products'} ${skus} ${count === 1 ? 'is' : 'are'} not in MplusKASSA and creating products is off.`,
    ({ kind, number, count, skus }) =>
      `${documentLabel(kind, number, 'nl')}: ${count === 1 ? 'product' : 'producten'} ${skus} ${count === 1 ? 'staat' : 'staan'} niet in MplusKASSA en ontbrekende artikelen aanmaken staat uit.`,
  ),
  mplusWouldCreateArticle: wording<{ kind: string; number: string; article: number; description: string }>(
    ({ kind, number, article, description }) =>
      `${documentLabel(kind, number, 'en')}: would create article ${article} ("${description}").`,
    ({ kind, number, article, description }) =>
      `${documentLabel(kind, number, 'nl')}: zou artikel ${article} aanmaken ("${description}").`,
  ),
  mplusRefusedArticleCreate: wording<MplusLinePlace & { article: number; detail: string }>(
    (params) =>
      `${place(params, 'en')}: MplusKASSA refused to create article ${params.article}: ${params.detail}`,
    (params) =>
      `${place(params, 'nl')}: MplusKASSA weigerde artikel ${params.article} aan te maken: ${params.detail}`,
  ),
  /** `customer` is the customer's name when the document has a customer (without an e-mail). */
  mplusNoRelationToMatch: wording<{ kind: string; number: string; customer?: string }>(
    ({ kind, number, customer }) =>
      `${documentLabel(kind, number, 'en')}: ${customer !== undefined ? `customer "${customer}" has no e-mail` : 'has no customer'}, so no MplusKASSA relation can be matched; turn on the default debtor for walk-in sales.`,
    ({ kind, number, customer }) =>
      `${documentLabel(kind, number, 'nl')}: ${customer !== undefined ? `klant "${customer}" heeft geen e-mailadres` : 'heeft geen klant'}, dus Koppel vindt er geen MplusKASSA-relatie bij; zet de standaarddebiteur aan voor verkopen zonder klant.`,
  ),
  mplusNoCustomerRef: wording<{ kind: string; number: string }>(
    ({ kind, number }) =>
      `${documentLabel(kind, number, 'en')}: has no MplusKASSA customer; put "Resolve MplusKASSA customer" before this target.`,
    ({ kind, number }) =>
      `${documentLabel(kind, number, 'nl')}: heeft geen MplusKASSA-klant; zet "MplusKASSA-klant bepalen" vóór dit doel.`,
  ),
  mplusRefusedOrder: wording<{ kind: string; number: string; detail: string }>(
    ({ kind, number, detail }) =>
      `${documentLabel(kind, number, 'en')}: MplusKASSA refused the order: ${detail}`,
    ({ kind, number, detail }) =>
      `${documentLabel(kind, number, 'nl')}: MplusKASSA weigerde de order: ${detail}`,
  ),
  mplusRefusedInvoice: wording<{ kind: string; number: string; detail: string }>(
    ({ kind, number, detail }) =>
      `${documentLabel(kind, number, 'en')}: MplusKASSA refused the invoice: ${detail}`,
    ({ kind, number, detail }) =>
      `${documentLabel(kind, number, 'nl')}: MplusKASSA weigerde de factuur: ${detail}`,
  ),
  // Relations.
  mplusRefusedRelationUpdate: wording<{ relation: number; detail: string }>(
    ({ relation, detail }) => `MplusKASSA refused to update relation ${relation}: ${detail}`,
    ({ relation, detail }) => `MplusKASSA weigerde relatie ${relation} bij te werken: ${detail}`,
  ),
  mplusRefusedRelationCreate: wording<{ email: string; detail: string }>(
    ({ email, detail }) => `MplusKASSA refused to create the relation for ${email}: ${detail}`,
    ({ email, detail }) => `MplusKASSA weigerde de relatie voor ${email} aan te maken: ${detail}`,
  ),
  mplusCustomerWithoutEmail: wording<{ customer: string }>(
    ({ customer }) => `Customer "${customer}": has no e-mail; MplusKASSA relations are matched by e-mail.`,
    ({ customer }) =>
      `Klant "${customer}": heeft geen e-mailadres; Koppel zoekt MplusKASSA-relaties op e-mail.`,
  ),
  mplusRefusedCustomerRelation: wording<{ customer: string; detail: string }>(
    ({ customer, detail }) => `Customer "${customer}": MplusKASSA refused the relation: ${detail}`,
    ({ customer, detail }) => `Klant "${customer}": MplusKASSA weigerde de relatie: ${detail}`,
  ),
  mplusRelationMadeMeanwhile: wording<{ email: string; relation: number }>(
    ({ email, relation }) =>
      `The relation with e-mail ${email} was made by another flow meanwhile (relation ${relation}); this one updated it instead of making a second.`,
    ({ email, relation }) =>
      `De relatie met e-mail ${email} werd intussen door een andere flow aangemaakt (relatie ${relation}); deze werkte haar bij in plaats van een tweede aan te maken.`,
  ),
  mplusRefusedCustomerUpdate: wording<{ customer: string; relation: number; detail: string }>(
    ({ customer, relation, detail }) =>
      `Customer "${customer}": MplusKASSA refused to update relation ${relation}: ${detail}`,
    ({ customer, relation, detail }) =>
      `Klant "${customer}": MplusKASSA weigerde relatie ${relation} bij te werken: ${detail}`,
  ),
  // Articles, article groups and stock.
  /** `product` is the product's SKU, else its name. */
  mplusRefusedArticle: wording<{ product: string; detail: string }>(
    ({ product, detail }) => `Product "${product}": MplusKASSA refused the article: ${detail}`,
    ({ product, detail }) => `Product "${product}": MplusKASSA weigerde het artikel: ${detail}`,
  ),
  mplusArticleMadeMeanwhile: wording<{ article: number }>(
    ({ article }) =>
      `Article ${article} was made in MplusKASSA meanwhile (by another flow or by hand); updated instead.`,
    ({ article }) =>
      `Artikel ${article} werd intussen in MplusKASSA aangemaakt (door een andere flow of met de hand); bijgewerkt in de plaats.`,
  ),
  mplusRefusedArticleChange: wording<{ product: string; detail: string }>(
    ({ product, detail }) => `Product "${product}": MplusKASSA refused the change: ${detail}`,
    ({ product, detail }) => `Product "${product}": MplusKASSA weigerde de wijziging: ${detail}`,
  ),
  mplusRefusedArticleStock: wording<{ product: string; detail: string }>(
    ({ product, detail }) => `Product "${product}": MplusKASSA refused the stock: ${detail}`,
    ({ product, detail }) => `Product "${product}": MplusKASSA weigerde de voorraad: ${detail}`,
  ),
  mplusRefusedArticleGroup: wording<{ category: string; detail: string }>(
    ({ category, detail }) => `Category "${category}": MplusKASSA refused the article group: ${detail}`,
    ({ category, detail }) => `Categorie "${category}": MplusKASSA weigerde de artikelgroep: ${detail}`,
  ),
  mplusRefusedArticleGroupChange: wording<{ category: string; group: number; detail: string }>(
    ({ category, group, detail }) =>
      `Category "${category}": MplusKASSA refused to change group ${group}: ${detail}`,
    ({ category, group, detail }) =>
      `Categorie "${category}": MplusKASSA weigerde artikelgroep ${group} te wijzigen: ${detail}`,
  ),
  mplusStockArticleMissing: wording<{ sku: string; article: number }>(
    ({ sku, article }) => `Stock of "${sku}": no MplusKASSA article ${article} for SKU "${sku}".`,
    ({ sku, article }) => `Voorraad van "${sku}": geen MplusKASSA-artikel ${article} voor SKU "${sku}".`,
  ),
  mplusRefusedStock: wording<{ sku: string; detail: string }>(
    ({ sku, detail }) => `Stock of "${sku}": MplusKASSA refused the stock: ${detail}`,
    ({ sku, detail }) => `Voorraad van "${sku}": MplusKASSA weigerde de voorraad: ${detail}`,
  ),
  // Payments.
  /** `document` is the document's number, else its reference (the extOrderId). */
  mplusStatusOrderMissing: wording<{ document: string; reference: string }>(
    ({ document, reference }) =>
      `Order status of "${document}": no MplusKASSA order with extOrderId ${reference}.`,
    ({ document, reference }) =>
      `Orderstatus van "${document}": geen MplusKASSA-order met extOrderId ${reference}.`,
  ),
  mplusRefusedPayment: wording<{ order: string; detail: string }>(
    ({ order, detail }) => `MplusKASSA refused the payment of order ${order}: ${detail}`,
    ({ order, detail }) => `MplusKASSA weigerde de betaling van order ${order}: ${detail}`,
  ),
  // A failed MplusKASSA call: the operation, then the till's own words or the network's as they came.
  mplusCallFailed: wording<{ operation: string; detail: string }>(
    ({ operation, detail }) => `${operation} failed: ${detail}`,
    ({ operation, detail }) => `${operation} mislukte: ${detail}`,
  ),
  mplusRequestInvalid: wording<ValueProblem>(
    (problem) => `Not sent to MplusKASSA: ${valueProblem(problem, 'en')}`,
    (problem) => `Niet naar MplusKASSA gestuurd: ${valueProblem(problem, 'nl')}`,
  ),
  mplusAnswerInvalid: wording<ValueProblem>(
    (problem) => `MplusKASSA's answer could not be read: ${valueProblem(problem, 'en')}`,
    (problem) => `Het antwoord van MplusKASSA was niet te lezen: ${valueProblem(problem, 'nl')}`,
  ),
  /** `detail` is the XML decoder's own (English, technical) words. */
  mplusAnswerNotWsdl: wording<{ operation: string; path?: string; detail: string }>(
    ({ operation, path, detail }) =>
      `MplusKASSA's answer to ${operation} does not match the WSDL${path ? ` at ${path}` : ''}: ${detail}`,
    ({ operation, path, detail }) =>
      `Het antwoord van MplusKASSA op ${operation} klopt niet met de WSDL${path ? ` bij ${path}` : ''}: ${detail}`,
  ),
  mplusPageWithoutSyncMarker: wording<{ operation: string; index: number }>(
    ({ operation, index }) => `${operation}: record ${index} of the page has no syncMarker`,
    ({ operation, index }) => `${operation}: record ${index} van de pagina heeft geen syncMarker`,
  ),
  mplusSyncMarkerStuck: wording<{ operation: string; marker: number }>(
    ({ operation, marker }) =>
      `${operation}: syncMarker did not advance past ${marker}; the server returned records below the requested marker`,
    ({ operation, marker }) =>
      `${operation}: syncMarker kwam niet voorbij ${marker}; de server gaf records onder de gevraagde marker`,
  ),
  mplusAnswerCutOff: wording<{ operation: string; detail?: string }>(
    ({ operation, detail }) => `${operation}: the answer was cut off${detail ? ` (${detail})` : ''}`,
    ({ operation, detail }) => `${operation}: het antwoord brak af${detail ? ` (${detail})` : ''}`,
  ),
  mplusNoAnswer: wording<{ operation: string; ms: number }>(
    ({ operation, ms }) => `${operation} got no answer within ${ms} ms`,
    ({ operation, ms }) => `${operation} kreeg geen antwoord binnen ${ms} ms`,
  ),
  mplusCallAborted: wording<{ operation: string }>(
    ({ operation }) => `${operation} was aborted`,
    ({ operation }) => `${operation} werd geannuleerd`,
  ),
  mplusSoapFault: wording<{ operation: string; faultcode: string; faultstring: string }>(
    ({ operation, faultcode, faultstring }) =>
      `${operation} failed with SOAP fault ${faultcode}: ${faultstring}`,
    ({ operation, faultcode, faultstring }) =>
      `${operation} mislukte met SOAP-fout ${faultcode}: ${faultstring}`,
  ),
  mplusHttpError: wording<{ operation: string; status: number; body: string }>(
    ({ operation, status, body }) => `${operation} answered HTTP ${status}: ${body}`,
    ({ operation, status, body }) => `${operation} antwoordde HTTP ${status}: ${body}`,
  ),
};

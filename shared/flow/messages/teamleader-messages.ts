import type { TextLanguage } from '../wording';
import { wording } from '../wording';
import { documentLabel } from './nouns';

/** A line of a sales document, as messages point at it (`line` counts from 1). */
export interface TeamleaderLine {
  kind: string;
  number: string;
  line: number;
}

/** Where a message points: a product by its SKU, or a line of a sales document. */
export type TeamleaderPlace = { sku: string } | TeamleaderLine;

/** `Sales order "O-1" line 2` / `Verkooporder "O-1" regel 2`. */
function lineText({ kind, number, line }: TeamleaderLine, language: TextLanguage): string {
  return `${documentLabel(kind, number, language)} ${language === 'en' ? 'line' : 'regel'} ${line}`;
}

/** `Product "SKU-1"`, or a document's line. */
function placeText(place: TeamleaderPlace, language: TextLanguage): string {
  return 'line' in place ? lineText(place, language) : `Product "${place.sku}"`;
}

/** What Teamleader created and sent no id for. */
export type TeamleaderCreated = 'invoice' | 'deal' | 'quotation' | 'company' | 'contact';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const createdNouns: Record<string, string> = {
  invoice: 'de factuur',
  deal: 'de deal',
  quotation: 'de offerte',
  company: 'het bedrijf',
  contact: 'het contact',
};

/** What the Teamleader node kinds say about a record or a run, in English and Dutch. */
export const teamleaderMessages = {
  teamleaderNoDepartment: wording<Record<string, never>>(
    () => 'Teamleader has no active department (company entity).',
    () => 'Teamleader heeft geen actieve afdeling (bedrijfsentiteit).',
  ),
  /** `departments`: the account's departments, each quoted, joined by ", ". */
  teamleaderUnknownDepartment: wording<{ name: string; departments: string }>(
    ({ name, departments }) => `Teamleader has no active department "${name}" (it has ${departments}).`,
    ({ name, departments }) =>
      `Teamleader heeft geen actieve afdeling "${name}"${departments === '' ? '' : ` (wel ${departments})`}.`,
  ),
  /** `rates`: the department's rates ("21 %, 6 %"), empty when it has none. */
  teamleaderUnknownTaxRate: wording<TeamleaderPlace & { percent: number; department: string; rates: string }>(
    (params) =>
      `${placeText(params, 'en')}: Teamleader has no ${params.percent} % tax rate in "${params.department}" (it has ${params.rates || 'none'}).`,
    (params) =>
      `${placeText(params, 'nl')}: Teamleader heeft geen btw-tarief van ${params.percent} % in "${params.department}" (${params.rates ? `wel ${params.rates}` : 'die heeft geen tarieven'}).`,
  ),
  teamleaderUnknownCategory: wording<TeamleaderLine & { category: string }>(
    (params) =>
      `${lineText(params, 'en')}: Teamleader has no product category "${params.category}" (the revenue account of the tax rules).`,
    (params) =>
      `${lineText(params, 'nl')}: Teamleader heeft geen productcategorie "${params.category}" (de omzetrekening uit de btw-regels).`,
  ),
  /** A line goes to Teamleader at another tax rate than the source charged (the tax rules map it so). */
  teamleaderTaxChanged: wording<TeamleaderLine & { from: number; to: number }>(
    (params) =>
      `${lineText(params, 'en')}: ${params.from} % VAT at the source, ${params.to} % in Teamleader ("Tax per country" maps it so): the document's VAT and total differ from the source's. Told once a run for ${params.from} % → ${params.to} %.`,
    (params) =>
      `${lineText(params, 'nl')}: ${params.from} % btw in de bron, ${params.to} % in Teamleader ("Btw per land" zet het zo om): btw en totaal van het document wijken af van de bron. Eén keer per run gemeld voor ${params.from} % → ${params.to} %.`,
  ),
  teamleaderCategoryLeftOut: wording<{ sku: string; category: string }>(
    ({ sku, category }) =>
      `Product "${sku}": Teamleader has no product category "${category}"; left out. Told once a run for "${category}".`,
    ({ sku, category }) =>
      `Product "${sku}": Teamleader heeft geen productcategorie "${category}"; de categorie blijft leeg. Eén keer per run gemeld voor "${category}".`,
  ),
  teamleaderProductMadeMeanwhile: wording<{ sku: string }>(
    ({ sku }) =>
      `Product "${sku}": made in Teamleader meanwhile (by another flow or by hand); updated instead of made a second time.`,
    ({ sku }) =>
      `Product "${sku}": intussen in Teamleader aangemaakt (door een andere flow of met de hand); bijgewerkt in plaats van een tweede keer aangemaakt.`,
  ),
  teamleaderCustomerMadeMeanwhile: wording<{ what: 'company' | 'contact'; email: string }>(
    ({ what, email }) =>
      `The ${what} with e-mail ${email} was made in Teamleader meanwhile (by another flow or by hand); this one used it instead of making a second.`,
    ({ what, email }) =>
      `${capitalised(createdNouns[what] ?? what)} met e-mail ${email} werd intussen in Teamleader aangemaakt (door een andere flow of met de hand); deze gebruikte het in plaats van een tweede aan te maken.`,
  ),
  teamleaderNegativeStock: wording<{ sku: string; quantity: number }>(
    ({ sku, quantity }) =>
      `Product "${sku}": stock ${quantity} is below zero; Teamleader takes no negative stock, so 0 is written.`,
    ({ sku, quantity }) =>
      `Product "${sku}": voorraad ${quantity} is negatief; Teamleader aanvaardt geen negatieve voorraad, dus Koppel schrijft 0.`,
  ),
  teamleaderStockProductMissing: wording<{ sku: string }>(
    ({ sku }) => `Stock of "${sku}": no Teamleader product with code "${sku}".`,
    ({ sku }) => `Voorraad van "${sku}": Teamleader heeft geen product met code "${sku}".`,
  ),
  teamleaderProductNoSku: wording<{ name: string }>(
    ({ name }) => `Product "${name}": has no SKU, so it has no Teamleader product code.`,
    ({ name }) => `Product "${name}": heeft geen SKU en dus geen Teamleader-productcode.`,
  ),
  teamleaderProductNoId: wording<{ sku: string }>(
    ({ sku }) => `Product "${sku}": Teamleader sent no id back.`,
    ({ sku }) => `Product "${sku}": Teamleader stuurde geen id terug.`,
  ),
  teamleaderCreatedNoId: wording<{ what: TeamleaderCreated }>(
    ({ what }) => `Teamleader created the ${what} but sent no id back.`,
    ({ what }) => `Teamleader maakte ${createdNouns[what] ?? what} aan, maar stuurde geen id terug.`,
  ),
  teamleaderLineProductNoId: wording<TeamleaderLine & { sku: string }>(
    (params) => `${lineText(params, 'en')}: Teamleader created product "${params.sku}" but sent no id back.`,
    (params) =>
      `${lineText(params, 'nl')}: Teamleader maakte product "${params.sku}" aan, maar stuurde geen id terug.`,
  ),
  teamleaderBookFailed: wording<{ kind: string; number: string; id: string; detail: string }>(
    ({ kind, number, id, detail }) =>
      `${documentLabel(kind, number, 'en')}: drafted as invoice ${id}, but booking it failed: ${detail}`,
    ({ kind, number, id, detail }) =>
      `${documentLabel(kind, number, 'nl')}: aangemaakt als conceptfactuur ${id}, maar boeken mislukte: ${detail}`,
  ),
  teamleaderCustomerNoEmail: wording<{ name: string }>(
    ({ name }) => `Customer "${name}": has no e-mail; Teamleader customers are matched by e-mail.`,
    ({ name }) => `Klant "${name}": heeft geen e-mailadres; Koppel zoekt Teamleader-klanten op e-mailadres.`,
  ),
  teamleaderCompanyNoName: wording<Record<string, never>>(
    () => 'A company needs a name to be created in Teamleader.',
    () => 'Teamleader maakt geen bedrijf aan zonder naam.',
  ),
  teamleaderContactNoName: wording<Record<string, never>>(
    () => 'A contact needs a (last) name to be created in Teamleader.',
    () => 'Teamleader maakt geen contact aan zonder (achter)naam.',
  ),
  teamleaderOrderNoCustomer: wording<{ kind: string; number: string }>(
    ({ kind, number }) =>
      `${documentLabel(kind, number, 'en')}: has no Teamleader customer; put "Resolve Teamleader customer" before this target.`,
    ({ kind, number }) =>
      `${documentLabel(kind, number, 'nl')}: heeft geen Teamleader-klant; zet "Teamleader-klant bepalen" vóór dit doel.`,
  ),
  /** `customer`: the order's customer's name; absent when the order has no customer. */
  teamleaderCustomerUnmatched: wording<{ kind: string; number: string; customer?: string }>(
    ({ kind, number, customer }) =>
      `${documentLabel(kind, number, 'en')}: ${customer === undefined ? 'has no customer' : `customer "${customer}" has no e-mail`}, so no Teamleader customer can be matched; turn on the default debtor for walk-in sales.`,
    ({ kind, number, customer }) =>
      `${documentLabel(kind, number, 'nl')}: ${customer === undefined ? 'heeft geen klant' : `klant "${customer}" heeft geen e-mailadres`}, dus er is geen Teamleader-klant te vinden; zet de standaarddebiteur aan voor verkopen zonder klant.`,
  ),
  /** `count`: the lines without a product; `skus`: their SKUs, each quoted, joined by ", ". */
  teamleaderProductsMissing: wording<{ kind: string; number: string; count: number; skus: string }>(
    ({ kind, number, count, skus }) =>
      `${documentLabel(kind, number, 'en')}: ${count === 1 ? 'product' : 'products'} ${skus} ${count === 1 ? 'is' : 'are'} not in Teamleader and creating products is off.`,
    ({ kind, number, count, skus }) =>
      `${documentLabel(kind, number, 'nl')}: ${count === 1 ? 'product' : 'producten'} ${skus} ${count === 1 ? 'staat' : 'staan'} niet in Teamleader en "Ontbrekende producten aanmaken" staat uit.`,
  ),
  teamleaderWouldCreateProduct: wording<{ kind: string; number: string; sku: string; description: string }>(
    ({ kind, number, sku, description }) =>
      `${documentLabel(kind, number, 'en')}: would create product "${sku}" ("${description}").`,
    ({ kind, number, sku, description }) =>
      `${documentLabel(kind, number, 'nl')}: zou product "${sku}" ("${description}") aanmaken.`,
  ),
  /**
   * A failed Teamleader call: the API's own words (`title`) as they came, or Koppel's about the
   * answer, which `titleNl` words in Dutch; `field` is the request field the call named.
   */
  teamleaderCallFailed: wording<{
    endpoint: string;
    status?: number;
    title: string;
    titleNl?: string;
    field?: string;
  }>(
    ({ endpoint, status, title, field }) =>
      `Teamleader ${endpoint}${status ? ` ${status}` : ''}: ${title}${field ? ` (field ${field})` : ''}`,
    ({ endpoint, status, title, titleNl, field }) =>
      `Teamleader ${endpoint}${status ? ` ${status}` : ''}: ${titleNl ?? title}${field ? ` (veld ${field})` : ''}`,
  ),
};

import { z } from 'zod';
import { defineNode, ports } from '../node-definition';
import { missingField, skuPrefixField } from '../steps/fields';
import { connectionField } from '../common-fields';
import { field } from '../ui-hints';

const written = z.looseObject({});

export const employeeNumberField = field(z.number().int().min(0).default(999999), {
  title: { en: 'Employee number', nl: 'Medewerkernummer' },
  description: {
    en: 'The MplusKASSA employee the API books on; 999999 is the built-in API user.',
    nl: 'De MplusKASSA-medewerker waarop de API boekt; 999999 is de ingebouwde API-gebruiker.',
  },
  choices: 'mplus.employees',
});

const branchNumberField = field(z.number().int().min(1).default(1), {
  title: { en: 'Branch', nl: 'Filiaal' },
  choices: 'mplus.branches',
});

export const VatCodeRule = z.object({
  rate: field(z.number().min(0).max(100), { title: { en: 'Tax rate (%)', nl: 'Btw-tarief (%)' } }),
  code: field(z.number().int().min(0), {
    title: { en: 'VAT code', nl: 'Btw-code' },
    choices: 'mplus.vatCodes',
  }),
});
export type VatCodeRule = z.infer<typeof VatCodeRule>;

export const vatCodesField = field(
  z.array(VatCodeRule).default([
    { rate: 21, code: 2 },
    { rate: 9, code: 1 },
    { rate: 0, code: 3 },
  ]),
  {
    title: { en: 'Tax rate → VAT code', nl: 'Btw-tarief → btw-code' },
    description: {
      en: 'MplusKASSA articles carry a VAT code; a product’s tax rate without a row fails the record.',
      nl: 'MplusKASSA-artikelen hebben een btw-code; een tarief zonder rij laat het record mislukken.',
    },
    widget: 'lookupTable',
  },
);

export const MplusSalesTargetConfig = z.object({
  connectionId: connectionField('mplus'),
  documentType: field(z.enum(['order', 'invoice']).default('order'), {
    title: { en: 'Create', nl: 'Aanmaken' },
    widget: 'select',
    options: [
      { value: 'order', label: { en: 'Order (createOrderV3)', nl: 'Order (createOrderV3)' } },
      { value: 'invoice', label: { en: 'Invoice (saveInvoice)', nl: 'Factuur (saveInvoice)' } },
    ],
  }),
  employeeNumber: employeeNumberField,
  branchNumber: branchNumberField,
  workplaceNumber: field(z.number().int().min(1).optional(), {
    title: { en: 'Workplace', nl: 'Werkplek' },
    description: {
      en: 'Needed when the branch is not the administration’s default.',
      nl: 'Nodig als het filiaal niet het standaardfiliaal is.',
    },
  }),
  orderCategoryNumber: field(z.number().int().min(1).optional(), {
    title: { en: 'Order category', nl: 'Ordercategorie' },
  }),
  registerPayments: field(z.boolean().default(false), {
    title: { en: 'Register payments', nl: 'Betalingen registreren' },
    description: {
      en: 'Send the source’s payments with the order (a fully paid order is delivered and invoiced).',
      nl: 'De betalingen van de bron meesturen (een volledig betaalde order wordt geleverd en gefactureerd).',
    },
  }),
  skuPrefix: skuPrefixField,
});
export type MplusSalesTargetConfig = z.infer<typeof MplusSalesTargetConfig>;

/** createOrderV3 (idempotency key) or saveInvoice, with the Teamleader id as extOrderId / extInvoiceId. */
export const mplusSalesTarget = defineNode({
  kind: 'mplus.target.sales',
  version: 1,
  label: { en: 'MplusKASSA order or invoice', nl: 'MplusKASSA-order of -factuur' },
  description: {
    en: 'Creates an order (with an idempotency key) or an invoice; the source’s id goes into extOrderId / extInvoiceId.',
    nl: 'Maakt een order (met idempotentiesleutel) of factuur; het id van de bron komt in extOrderId / extInvoiceId.',
  },
  category: 'target',
  system: 'mplus',
  icon: 'shopping-cart',
  inputs: [ports.in('salesOrder')],
  outputs: [],
  config: MplusSalesTargetConfig,
  defaultConfig: {
    documentType: 'order',
    employeeNumber: 999999,
    branchNumber: 1,
    registerPayments: false,
    skuPrefix: '',
  },
  connection: 'mplus',
  output: written,
});

export const MplusRelationTargetConfig = z.object({
  connectionId: connectionField('mplus'),
});

/** Relation upsert matched by e-mail. */
export const mplusRelationTarget = defineNode({
  kind: 'mplus.target.relation',
  version: 1,
  label: { en: 'MplusKASSA relation', nl: 'MplusKASSA-relatie' },
  description: {
    en: 'Creates or updates the customer, matched by e-mail; a company keeps its contact person.',
    nl: 'Maakt of wijzigt de klant, gevonden op e-mail; een bedrijf houdt zijn contactpersoon.',
  },
  category: 'target',
  system: 'mplus',
  icon: 'user-round-plus',
  inputs: [ports.in('customer')],
  outputs: [],
  config: MplusRelationTargetConfig,
  defaultConfig: {},
  connection: 'mplus',
  output: written,
});

export const MplusProductTargetConfig = z.object({
  connectionId: connectionField('mplus'),
  skuPrefix: skuPrefixField,
  vatCodes: vatCodesField,
  turnoverGroup: field(z.number().int().min(0).max(999).optional(), {
    title: { en: 'Turnover group of new articles', nl: 'Omzetgroep van nieuwe artikelen' },
    choices: 'mplus.turnoverGroups',
  }),
  stockBranch: field(z.number().int().min(1).optional(), {
    title: { en: 'Set the stock of branch', nl: 'Voorraad zetten van filiaal' },
    description: {
      en: 'When the product has a quantity, set it as this branch’s free stock; empty leaves stock alone.',
      nl: 'Als het product een hoeveelheid heeft, wordt dat de vrije voorraad van dit filiaal.',
    },
    choices: 'mplus.branches',
  }),
});
export type MplusProductTargetConfig = z.infer<typeof MplusProductTargetConfig>;

/** Product upsert with the SKU as (numeric) article number. */
export const mplusProductTarget = defineNode({
  kind: 'mplus.target.product',
  version: 1,
  label: { en: 'MplusKASSA article', nl: 'MplusKASSA-artikel' },
  description: {
    en: 'Creates or updates the article whose number is the SKU (digits only), with its price, VAT code and group.',
    nl: 'Maakt of wijzigt het artikel met de SKU als nummer (alleen cijfers), met prijs, btw-code en groep.',
  },
  category: 'target',
  system: 'mplus',
  icon: 'package-plus',
  inputs: [ports.in('product')],
  outputs: [],
  config: MplusProductTargetConfig,
  defaultConfig: { skuPrefix: '' },
  connection: 'mplus',
  output: written,
});

export const MplusArticleGroupTargetConfig = z.object({
  connectionId: connectionField('mplus'),
  parentGroupNumber: field(z.number().int().min(0).default(0), {
    title: { en: 'Put new groups under', nl: 'Nieuwe groepen onder' },
    description: {
      en: 'Group number of the parent; 0 is the top level.',
      nl: 'Groepsnummer van de bovenliggende groep; 0 is het hoogste niveau.',
    },
  }),
});

/** Article group upsert, matched by name. */
export const mplusArticleGroupTarget = defineNode({
  kind: 'mplus.target.articleGroup',
  version: 1,
  label: { en: 'MplusKASSA article group', nl: 'MplusKASSA-artikelgroep' },
  description: {
    en: 'Creates or renames the article group, matched by name.',
    nl: 'Maakt of hernoemt de artikelgroep, gevonden op naam.',
  },
  category: 'target',
  system: 'mplus',
  icon: 'folder-plus',
  inputs: [ports.in('category')],
  outputs: [],
  config: MplusArticleGroupTargetConfig,
  defaultConfig: { parentGroupNumber: 0 },
  connection: 'mplus',
  output: written,
});

export const MplusStockTargetConfig = z.object({
  connectionId: connectionField('mplus'),
  branchNumber: branchNumberField,
  employeeNumber: employeeNumberField,
  skuPrefix: skuPrefixField,
  missingArticle: missingField({ en: 'article', nl: 'het artikel' }),
});

/** setStock: the absolute free stock of an article. */
export const mplusStockTarget = defineNode({
  kind: 'mplus.target.stock',
  version: 1,
  label: { en: 'MplusKASSA stock', nl: 'MplusKASSA-voorraad' },
  description: {
    en: 'Sets the free stock of the article (setStock).',
    nl: 'Zet de vrije voorraad van het artikel (setStock).',
  },
  category: 'target',
  system: 'mplus',
  icon: 'warehouse',
  inputs: [ports.in('stockLevel')],
  outputs: [],
  config: MplusStockTargetConfig,
  defaultConfig: { branchNumber: 1, employeeNumber: 999999, skuPrefix: '', missingArticle: 'skip' },
  connection: 'mplus',
  output: written,
});

export const MplusOrderStatusTargetConfig = z.object({
  connectionId: connectionField('mplus'),
  employeeNumber: employeeNumberField,
  defaultPaymentMethod: field(z.string().min(1).default('PIN'), {
    title: { en: 'Payment method', nl: 'Betaalmethode' },
    description: {
      en: 'MplusKASSA payment method for payments whose method is not known.',
      nl: 'MplusKASSA-betaalmethode voor betalingen waarvan de methode onbekend is.',
    },
    choices: 'mplus.paymentMethods',
  }),
  missingOrder: missingField({ en: 'order', nl: 'de order' }),
});

/** payOrderV2 (idempotency key): a paid document marks its MplusKASSA order paid, delivered and invoiced. */
export const mplusOrderStatusTarget = defineNode({
  kind: 'mplus.target.orderStatus',
  version: 1,
  label: { en: 'MplusKASSA order payment', nl: 'MplusKASSA-orderbetaling' },
  description: {
    en: 'When the document is paid, pays the MplusKASSA order whose extOrderId it is (payOrderV2, idempotent).',
    nl: 'Als het document betaald is, wordt de MplusKASSA-order met dat extOrderId betaald (payOrderV2).',
  },
  category: 'target',
  system: 'mplus',
  icon: 'badge-check',
  inputs: [ports.in('orderStatus')],
  outputs: [],
  config: MplusOrderStatusTargetConfig,
  defaultConfig: { employeeNumber: 999999, defaultPaymentMethod: 'PIN', missingOrder: 'skip' },
  connection: 'mplus',
  output: written,
});

import { z } from 'zod';
import { Category } from '../../domain/category';
import { Customer } from '../../domain/customer';
import { Product } from '../../domain/product';
import { SalesOrder } from '../../domain/sales-order';
import { StockLevel } from '../../domain/stock-level';
import { amountPerRunField, connectionField, startFromField } from '../common-fields';
import { defineNode, ports } from '../node-definition';
import { pageSizeField, sourceFiltersField, triggerInput } from '../steps/fields';
import { field } from '../ui-hints';

const branchField = field(z.number().int().min(1).default(1), {
  title: { en: 'Branch', nl: 'Filiaal' },
  description: { en: 'The MplusKASSA branch number.', nl: 'Het filiaalnummer in MplusKASSA.' },
  choices: 'mplus.branches',
});

export const MplusSalesSourceConfig = z.object({
  connectionId: connectionField('mplus'),
  documentType: field(z.enum(['orders', 'invoices']).default('orders'), {
    title: { en: 'Read', nl: 'Lezen' },
    widget: 'select',
    options: [
      { value: 'orders', label: { en: 'POS orders', nl: 'Kassaorders' } },
      { value: 'invoices', label: { en: 'Invoices', nl: 'Facturen' } },
    ],
  }),
  branches: field(z.array(z.number().int().min(1)).default([]), {
    title: { en: 'Branches', nl: 'Filialen' },
    description: {
      en: 'Only these branches; empty reads all.',
      nl: 'Alleen deze filialen; leeg leest alle.',
    },
    choices: 'mplus.branches',
  }),
  startFrom: startFromField,
  amountPerRun: amountPerRunField,
  pageSize: pageSizeField,
  filters: sourceFiltersField,
});
export type MplusSalesSourceConfig = z.infer<typeof MplusSalesSourceConfig>;

/** POS orders or invoices by syncMarker. */
export const mplusSalesSource = defineNode({
  kind: 'mplus.source.sales',
  version: 1,
  label: { en: 'MplusKASSA orders or invoices', nl: 'MplusKASSA-orders of -facturen' },
  description: {
    en: 'Reads new and changed POS orders (or invoices) by sync marker, with their customer and lines.',
    nl: 'Leest nieuwe en gewijzigde kassaorders (of facturen) per syncmarker, met klant en regels.',
  },
  category: 'source',
  system: 'mplus',
  icon: 'receipt',
  inputs: [triggerInput],
  outputs: [ports.out('salesOrder')],
  config: MplusSalesSourceConfig,
  defaultConfig: { documentType: 'orders', branches: [], pageSize: 100 },
  connection: 'mplus',
  output: SalesOrder,
});

export const MplusRelationsSourceConfig = z.object({
  connectionId: connectionField('mplus'),
  startFrom: startFromField,
  amountPerRun: amountPerRunField,
  pageSize: pageSizeField,
  filters: sourceFiltersField,
});

/** Relations (persons and companies) by syncMarker. */
export const mplusRelationsSource = defineNode({
  kind: 'mplus.source.relations',
  version: 1,
  label: { en: 'MplusKASSA relations', nl: 'MplusKASSA-relaties' },
  description: {
    en: 'Reads new and changed customers (persons and companies) by sync marker.',
    nl: 'Leest nieuwe en gewijzigde klanten (personen en bedrijven) per syncmarker.',
  },
  category: 'source',
  system: 'mplus',
  icon: 'users',
  inputs: [triggerInput],
  outputs: [ports.out('customer')],
  config: MplusRelationsSourceConfig,
  defaultConfig: { pageSize: 100 },
  connection: 'mplus',
  output: Customer,
});

export const MplusProductsSourceConfig = z.object({
  connectionId: connectionField('mplus'),
  onlyActive: field(z.boolean().default(false), {
    title: { en: 'Only active articles', nl: 'Alleen actieve artikelen' },
  }),
  stockBranch: field(z.number().int().min(1).optional(), {
    title: { en: 'Stock of branch', nl: 'Voorraad van filiaal' },
    description: {
      en: 'Fill in the quantity with this branch’s free stock; empty leaves it out.',
      nl: 'Vul de hoeveelheid met de vrije voorraad van dit filiaal; leeg laat haar weg.',
    },
    choices: 'mplus.branches',
  }),
  startFrom: startFromField,
  amountPerRun: amountPerRunField,
  pageSize: pageSizeField,
  filters: sourceFiltersField,
});

/** Articles (one record per article, SKU = article number) by syncMarker. */
export const mplusProductsSource = defineNode({
  kind: 'mplus.source.products',
  version: 1,
  label: { en: 'MplusKASSA articles', nl: 'MplusKASSA-artikelen' },
  description: {
    en: 'Reads new and changed articles by sync marker; the SKU is the article number.',
    nl: 'Leest nieuwe en gewijzigde artikelen per syncmarker; de SKU is het artikelnummer.',
  },
  category: 'source',
  system: 'mplus',
  icon: 'package',
  inputs: [triggerInput],
  outputs: [ports.out('product')],
  config: MplusProductsSourceConfig,
  defaultConfig: { onlyActive: false, pageSize: 100 },
  connection: 'mplus',
  output: Product,
});

export const MplusArticleGroupsSourceConfig = z.object({
  connectionId: connectionField('mplus'),
  amountPerRun: amountPerRunField,
  pageSize: pageSizeField,
  filters: sourceFiltersField,
});

/** Article groups (flat, with their parent) by syncMarker. */
export const mplusArticleGroupsSource = defineNode({
  kind: 'mplus.source.articleGroups',
  version: 1,
  label: { en: 'MplusKASSA article groups', nl: 'MplusKASSA-artikelgroepen' },
  description: {
    en: 'Reads new and changed article groups by sync marker (deleted groups are left out).',
    nl: 'Leest nieuwe en gewijzigde artikelgroepen per syncmarker (verwijderde groepen niet).',
  },
  category: 'source',
  system: 'mplus',
  icon: 'folder-tree',
  inputs: [triggerInput],
  outputs: [ports.out('category')],
  config: MplusArticleGroupsSourceConfig,
  defaultConfig: { pageSize: 100 },
  connection: 'mplus',
  output: Category,
});

export const MplusStockSourceConfig = z.object({
  connectionId: connectionField('mplus'),
  branchNumber: branchField,
  startFrom: startFromField,
  amountPerRun: amountPerRunField,
  filters: sourceFiltersField,
});

/** Free stock per article of one branch, by stockId. */
export const mplusStockSource = defineNode({
  kind: 'mplus.source.stock',
  version: 1,
  label: { en: 'MplusKASSA stock', nl: 'MplusKASSA-voorraad' },
  description: {
    en: 'Reads changed free stock of one branch by stock id.',
    nl: 'Leest gewijzigde vrije voorraad van één filiaal per voorraad-id.',
  },
  category: 'source',
  system: 'mplus',
  icon: 'warehouse',
  inputs: [triggerInput],
  outputs: [ports.out('stockLevel')],
  config: MplusStockSourceConfig,
  defaultConfig: { branchNumber: 1 },
  connection: 'mplus',
  output: StockLevel,
});

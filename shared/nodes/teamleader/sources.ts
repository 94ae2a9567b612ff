import { z } from 'zod';
import { Category } from '../../domain/category';
import { Customer } from '../../domain/customer';
import { OrderStatus } from '../../domain/order-status';
import { Product } from '../../domain/product';
import { SalesOrder } from '../../domain/sales-order';
import { amountPerRunField, connectionField, startFromField } from '../common-fields';
import { defineNode, ports } from '../node-definition';
import { pageSizeField, sourceFiltersField, triggerInput } from '../steps/fields';
import { field } from '../ui-hints';

const statusesField = field(z.array(z.string().min(1)).default([]), {
  title: { en: 'Statuses', nl: 'Statussen' },
  description: {
    en: 'Only documents with one of these statuses; empty: the usual ones (booked invoices, accepted quotations, won deals).',
    nl: 'Alleen documenten met een van deze statussen; leeg: de gebruikelijke (geboekte facturen, aanvaarde offertes, gewonnen deals).',
  },
});

export const TeamleaderSalesSourceConfig = z.object({
  connectionId: connectionField('teamleader'),
  documentType: field(z.enum(['invoices', 'quotations', 'deals']).default('invoices'), {
    title: { en: 'Read', nl: 'Lezen' },
    widget: 'select',
    options: [
      { value: 'invoices', label: { en: 'Invoices', nl: 'Facturen' } },
      { value: 'quotations', label: { en: 'Quotations', nl: 'Offertes' } },
      { value: 'deals', label: { en: 'Won deals', nl: 'Gewonnen deals' } },
    ],
  }),
  statuses: statusesField,
  startFrom: startFromField,
  amountPerRun: amountPerRunField,
  pageSize: pageSizeField,
  filters: sourceFiltersField,
});
export type TeamleaderSalesSourceConfig = z.infer<typeof TeamleaderSalesSourceConfig>;

/** Invoices, quotations or won deals, by updated_since (quotations: by updated_at, read in full). */
export const teamleaderSalesSource = defineNode({
  kind: 'teamleader.source.sales',
  version: 1,
  label: { en: 'Teamleader invoices, quotations or deals', nl: 'Teamleader-facturen, -offertes of -deals' },
  description: {
    en: 'Reads new and changed invoices, accepted quotations or won deals, with customer and lines.',
    nl: 'Leest nieuwe en gewijzigde facturen, aanvaarde offertes of gewonnen deals, met klant en regels.',
  },
  category: 'source',
  system: 'teamleader',
  icon: 'file-text',
  inputs: [triggerInput],
  outputs: [ports.out('salesOrder')],
  config: TeamleaderSalesSourceConfig,
  defaultConfig: { documentType: 'invoices', statuses: [], pageSize: 100 },
  connection: 'teamleader',
  output: SalesOrder,
});

export const TeamleaderCustomersSourceConfig = z.object({
  connectionId: connectionField('teamleader'),
  entities: field(
    z
      .array(z.enum(['companies', 'contacts']))
      .min(1)
      .default(['companies', 'contacts']),
    {
      title: { en: 'Read', nl: 'Lezen' },
      description: { en: 'Companies, contacts or both.', nl: 'Bedrijven, contactpersonen of beide.' },
    },
  ),
  contactsOfCompanies: field(z.enum(['skip', 'include']).default('skip'), {
    title: { en: 'Contacts linked to a company', nl: 'Contactpersonen van een bedrijf' },
    description: {
      en: 'Skip: they come along as the company’s contact person.',
      nl: 'Overslaan: ze komen mee als contactpersoon van het bedrijf.',
    },
    widget: 'select',
    options: [
      { value: 'skip', label: { en: 'Only with their company', nl: 'Alleen bij hun bedrijf' } },
      { value: 'include', label: { en: 'Also as persons', nl: 'Ook als persoon' } },
    ],
  }),
  startFrom: startFromField,
  amountPerRun: amountPerRunField,
  pageSize: pageSizeField,
  filters: sourceFiltersField,
});

/** Companies (with their contact person) and contacts, by updated_since. */
export const teamleaderCustomersSource = defineNode({
  kind: 'teamleader.source.customers',
  version: 1,
  label: { en: 'Teamleader companies and contacts', nl: 'Teamleader-bedrijven en -contacten' },
  description: {
    en: 'Reads new and changed companies (with their contact person) and contacts.',
    nl: 'Leest nieuwe en gewijzigde bedrijven (met contactpersoon) en contacten.',
  },
  category: 'source',
  system: 'teamleader',
  icon: 'users',
  inputs: [triggerInput],
  outputs: [ports.out('customer')],
  config: TeamleaderCustomersSourceConfig,
  defaultConfig: { entities: ['companies', 'contacts'], contactsOfCompanies: 'skip', pageSize: 100 },
  connection: 'teamleader',
  output: Customer,
});

export const TeamleaderProductsSourceConfig = z.object({
  connectionId: connectionField('teamleader'),
  eanField: field(z.string().default('EAN'), {
    title: { en: 'EAN custom field', nl: 'Eigen veld met de EAN' },
    description: {
      en: 'Label of the product custom field that holds the EAN.',
      nl: 'Label van het eigen productveld met de EAN.',
    },
  }),
  startFrom: startFromField,
  amountPerRun: amountPerRunField,
  pageSize: pageSizeField,
  filters: sourceFiltersField,
});

/** Products with prices, tax, category and stock, by updated_since. */
export const teamleaderProductsSource = defineNode({
  kind: 'teamleader.source.products',
  version: 1,
  label: { en: 'Teamleader products', nl: 'Teamleader-producten' },
  description: {
    en: 'Reads new and changed products with price, tax rate, category and stock; the SKU is the product code.',
    nl: 'Leest nieuwe en gewijzigde producten met prijs, btw, categorie en voorraad; de SKU is de productcode.',
  },
  category: 'source',
  system: 'teamleader',
  icon: 'package',
  inputs: [triggerInput],
  outputs: [ports.out('product')],
  config: TeamleaderProductsSourceConfig,
  defaultConfig: { eanField: 'EAN', pageSize: 100 },
  connection: 'teamleader',
  output: Product,
});

export const TeamleaderCategoriesSourceConfig = z.object({
  connectionId: connectionField('teamleader'),
  amountPerRun: amountPerRunField,
  filters: sourceFiltersField,
});

/**
 * Product categories. The API has no change date for them, so every run reads the list and goes on
 * where the last run stopped; unchanged categories are skipped by the target's ledger.
 */
export const teamleaderCategoriesSource = defineNode({
  kind: 'teamleader.source.productCategories',
  version: 1,
  label: { en: 'Teamleader product categories', nl: 'Teamleader-productcategorieën' },
  description: {
    en: 'Reads the product categories (unchanged ones are skipped at the target).',
    nl: 'Leest de productcategorieën (ongewijzigde worden bij het doel overgeslagen).',
  },
  category: 'source',
  system: 'teamleader',
  icon: 'folder-tree',
  inputs: [triggerInput],
  outputs: [ports.out('category')],
  config: TeamleaderCategoriesSourceConfig,
  defaultConfig: {},
  connection: 'teamleader',
  output: Category,
});

export const TeamleaderOrderStatusSourceConfig = z.object({
  connectionId: connectionField('teamleader'),
  statuses: field(z.array(z.enum(['draft', 'outstanding', 'matched'])).default(['matched']), {
    title: { en: 'Invoice statuses', nl: 'Factuurstatussen' },
    description: { en: 'matched = paid.', nl: 'matched = betaald.' },
  }),
  startFrom: startFromField,
  amountPerRun: amountPerRunField,
  pageSize: pageSizeField,
  filters: sourceFiltersField,
});

/** Payment status of invoices, by updated_since. */
export const teamleaderOrderStatusSource = defineNode({
  kind: 'teamleader.source.orderStatus',
  version: 1,
  label: { en: 'Teamleader invoice payments', nl: 'Teamleader-factuurbetalingen' },
  description: {
    en: 'Reads invoices whose status changed (e.g. paid) as order-status records.',
    nl: 'Leest facturen waarvan de status veranderde (bijv. betaald) als orderstatus.',
  },
  category: 'source',
  system: 'teamleader',
  icon: 'badge-euro',
  inputs: [triggerInput],
  outputs: [ports.out('orderStatus')],
  config: TeamleaderOrderStatusSourceConfig,
  defaultConfig: { statuses: ['matched'], pageSize: 100 },
  connection: 'teamleader',
  output: OrderStatus,
});

import { z } from 'zod';
import { SalesOrder } from '../../domain/sales-order';
import { connectionField } from '../common-fields';
import { defineNode, ports } from '../node-definition';
import { defaultDebtorField } from '../steps/fields';
import { field } from '../ui-hints';
import { departmentField } from './targets';

export const TeamleaderResolveCustomerConfig = z.object({
  connectionId: connectionField('teamleader'),
  defaultDebtor: defaultDebtorField,
  updateExisting: field(z.boolean().default(true), {
    title: { en: 'Update existing customers', nl: 'Bestaande klanten bijwerken' },
  }),
});

/** Match by e-mail; company with its contact linked, else a person; create or update; or the default debtor. */
export const teamleaderResolveCustomer = defineNode({
  kind: 'teamleader.step.resolveCustomer',
  version: 1,
  label: { en: 'Resolve Teamleader customer', nl: 'Teamleader-klant bepalen' },
  description: {
    en: 'Finds the order’s customer by e-mail: a company with its contact person linked, else a contact; creates or updates it, or uses the default debtor.',
    nl: 'Zoekt de klant op e-mail: een bedrijf met gekoppelde contactpersoon, anders een contact; maakt of wijzigt hem, of neemt de standaarddebiteur.',
  },
  category: 'transform',
  system: 'teamleader',
  icon: 'user-search',
  inputs: [ports.in('salesOrder')],
  outputs: [ports.out('salesOrder')],
  config: TeamleaderResolveCustomerConfig,
  defaultConfig: { updateExisting: true },
  connection: 'teamleader',
  output: SalesOrder,
});

export const TeamleaderEnsureProductsConfig = z.object({
  connectionId: connectionField('teamleader'),
  createMissing: field(z.boolean().default(true), {
    title: { en: 'Create missing products', nl: 'Ontbrekende producten aanmaken' },
    description: {
      en: 'Off: an order with an unknown SKU fails, naming the SKUs.',
      nl: 'Uit: een order met een onbekende SKU mislukt, met de SKU’s erbij.',
    },
  }),
  department: departmentField,
});

/** Every line's SKU must be a product (by code); create the missing ones or fail naming them. */
export const teamleaderEnsureProducts = defineNode({
  kind: 'teamleader.step.ensureProducts',
  version: 1,
  label: { en: 'Ensure Teamleader products', nl: 'Teamleader-producten controleren' },
  description: {
    en: 'Checks that every line’s SKU is a Teamleader product code and creates the missing ones, or fails naming them.',
    nl: 'Controleert dat elke SKU een Teamleader-productcode is en maakt ontbrekende aan, of mislukt met de SKU’s.',
  },
  category: 'transform',
  system: 'teamleader',
  icon: 'package-check',
  inputs: [ports.in('salesOrder')],
  outputs: [ports.out('salesOrder')],
  config: TeamleaderEnsureProductsConfig,
  defaultConfig: { createMissing: true, department: '' },
  connection: 'teamleader',
  output: SalesOrder,
});

export const TeamleaderSkipIfExistsConfig = z.object({
  connectionId: connectionField('teamleader'),
  documentType: field(z.enum(['invoice', 'quotation']).default('invoice'), {
    title: { en: 'Look for', nl: 'Zoeken naar' },
    widget: 'select',
    options: [
      {
        value: 'invoice',
        label: {
          en: 'An invoice with this purchase order number',
          nl: 'Een factuur met dit bestelbonnummer',
        },
      },
      { value: 'quotation', label: { en: 'A deal with this reference', nl: 'Een deal met deze referentie' } },
    ],
  }),
});

/** Skips documents Teamleader already has (Koppel's reference in purchase_order_number / the deal title). */
export const teamleaderSkipIfExists = defineNode({
  kind: 'teamleader.step.skipIfExists',
  version: 1,
  label: { en: 'Skip if in Teamleader', nl: 'Overslaan als al in Teamleader' },
  description: {
    en: 'Skips the order when Teamleader already has an invoice (or offer) carrying its reference.',
    nl: 'Slaat de order over als Teamleader al een factuur (of offerte) met zijn referentie heeft.',
  },
  category: 'transform',
  system: 'teamleader',
  icon: 'copy-check',
  inputs: [ports.in('salesOrder')],
  outputs: [ports.out('salesOrder')],
  config: TeamleaderSkipIfExistsConfig,
  defaultConfig: { documentType: 'invoice' },
  connection: 'teamleader',
  output: SalesOrder,
});

import { z } from 'zod';
import { SalesOrder } from '../../domain/sales-order';
import { connectionField } from '../common-fields';
import { defineNode, ports } from '../node-definition';
import { defaultDebtorField, skuPrefixField } from '../steps/fields';
import { field } from '../ui-hints';
import { vatCodesField } from './targets';

export const MplusResolveCustomerConfig = z.object({
  connectionId: connectionField('mplus'),
  defaultDebtor: defaultDebtorField,
  updateExisting: field(z.boolean().default(true), {
    title: { en: 'Update existing relations', nl: 'Bestaande relaties bijwerken' },
  }),
});

/** Match by e-mail; create or update; a company relation keeps its contact; or the default debtor. */
export const mplusResolveCustomer = defineNode({
  kind: 'mplus.step.resolveCustomer',
  version: 1,
  label: { en: 'Resolve MplusKASSA customer', nl: 'MplusKASSA-klant bepalen' },
  description: {
    en: 'Finds the order’s customer in MplusKASSA by e-mail, creates or updates it, or uses the default debtor.',
    nl: 'Zoekt de klant van de order in MplusKASSA op e-mail, maakt of wijzigt hem, of neemt de standaarddebiteur.',
  },
  category: 'transform',
  system: 'mplus',
  icon: 'user-search',
  inputs: [ports.in('salesOrder')],
  outputs: [ports.out('salesOrder')],
  config: MplusResolveCustomerConfig,
  defaultConfig: { updateExisting: true },
  connection: 'mplus',
  output: SalesOrder,
});

export const MplusEnsureProductsConfig = z.object({
  connectionId: connectionField('mplus'),
  createMissing: field(z.boolean().default(true), {
    title: { en: 'Create missing articles', nl: 'Ontbrekende artikelen aanmaken' },
    description: {
      en: 'Off: an order with an unknown SKU fails, naming the SKUs.',
      nl: 'Uit: een order met een onbekende SKU mislukt, met de SKU’s erbij.',
    },
  }),
  skuPrefix: skuPrefixField,
  vatCodes: vatCodesField,
  turnoverGroup: field(z.number().int().min(0).max(999).optional(), {
    title: { en: 'Turnover group of new articles', nl: 'Omzetgroep van nieuwe artikelen' },
    description: {
      en: 'Used when the tax rules give no revenue account.',
      nl: 'Gebruikt als de btw-regels geen omzetrekening geven.',
    },
    choices: 'mplus.turnoverGroups',
  }),
});

/** Every line's SKU must be an article; create the missing ones or fail naming them. */
export const mplusEnsureProducts = defineNode({
  kind: 'mplus.step.ensureProducts',
  version: 1,
  label: { en: 'Ensure MplusKASSA articles', nl: 'MplusKASSA-artikelen controleren' },
  description: {
    en: 'Checks that every line’s SKU is an MplusKASSA article (digits only) and creates the missing ones, or fails naming them.',
    nl: 'Controleert dat elke SKU een MplusKASSA-artikel is (alleen cijfers) en maakt ontbrekende aan, of mislukt met de SKU’s.',
  },
  category: 'transform',
  system: 'mplus',
  icon: 'package-check',
  inputs: [ports.in('salesOrder')],
  outputs: [ports.out('salesOrder')],
  config: MplusEnsureProductsConfig,
  defaultConfig: { createMissing: true, skuPrefix: '' },
  connection: 'mplus',
  output: SalesOrder,
});

export const MplusSkipIfExistsConfig = z.object({
  connectionId: connectionField('mplus'),
  documentType: field(z.enum(['order', 'invoice']).default('order'), {
    title: { en: 'Look for', nl: 'Zoeken naar' },
    widget: 'select',
    options: [
      { value: 'order', label: { en: 'An order with this extOrderId', nl: 'Een order met dit extOrderId' } },
      {
        value: 'invoice',
        label: { en: 'An invoice with this extInvoiceId', nl: 'Een factuur met dit extInvoiceId' },
      },
    ],
  }),
});

/** Skips documents MplusKASSA already has (by extOrderId / extInvoiceId = the source's id). */
export const mplusSkipIfExists = defineNode({
  kind: 'mplus.step.skipIfExists',
  version: 1,
  label: { en: 'Skip if in MplusKASSA', nl: 'Overslaan als al in MplusKASSA' },
  description: {
    en: 'Skips the order when MplusKASSA already has it (extOrderId or extInvoiceId is the source’s id).',
    nl: 'Slaat de order over als MplusKASSA hem al heeft (extOrderId of extInvoiceId is het id van de bron).',
  },
  category: 'transform',
  system: 'mplus',
  icon: 'copy-check',
  inputs: [ports.in('salesOrder')],
  outputs: [ports.out('salesOrder')],
  config: MplusSkipIfExistsConfig,
  defaultConfig: { documentType: 'order' },
  connection: 'mplus',
  output: SalesOrder,
});

import { z } from 'zod';
import { connectionField } from '../common-fields';
import { defineNode, ports } from '../node-definition';
import { VatCodeRule } from '../mplus/targets';
import { missingField, PaymentTermSetting } from '../steps/fields';
import { field } from '../ui-hints';

const written = z.looseObject({});

export const departmentField = field(z.string().default(''), {
  title: { en: 'Company entity (department)', nl: 'Bedrijfsentiteit (afdeling)' },
  description: {
    en: 'Name of the Teamleader department; tax rates belong to one. Empty: the first active one.',
    nl: 'Naam van de Teamleader-afdeling; btw-tarieven horen bij één afdeling. Leeg: de eerste actieve.',
  },
  choices: 'teamleader.departments',
});

export const TeamleaderSalesTargetConfig = z.object({
  connectionId: connectionField('teamleader'),
  documentType: field(z.enum(['invoice', 'quotation']).default('invoice'), {
    title: { en: 'Create', nl: 'Aanmaken' },
    widget: 'select',
    options: [
      { value: 'invoice', label: { en: 'Invoice', nl: 'Factuur' } },
      {
        value: 'quotation',
        label: { en: 'Offer (deal with a quotation)', nl: 'Offerte (deal met offerte)' },
      },
    ],
  }),
  department: departmentField,
  book: field(z.boolean().default(false), {
    title: { en: 'Book the invoice', nl: 'Factuur boeken' },
    description: {
      en: 'Off: the invoice stays a draft you can check first. Booked invoices are never changed again.',
      nl: 'Uit: de factuur blijft een concept. Geboekte facturen worden niet meer gewijzigd.',
    },
  }),
  paymentTerm: field(PaymentTermSetting.default({ type: 'cash' }), {
    title: {
      en: 'Payment term (when the order has none)',
      nl: 'Betalingstermijn (als de order er geen heeft)',
    },
  }),
});
export type TeamleaderSalesTargetConfig = z.infer<typeof TeamleaderSalesTargetConfig>;

/** Draft (optionally booked) invoice, or a deal with a quotation; Koppel's reference in purchase_order_number. */
export const teamleaderSalesTarget = defineNode({
  kind: 'teamleader.target.sales',
  version: 1,
  label: { en: 'Teamleader invoice or offer', nl: 'Teamleader-factuur of -offerte' },
  description: {
    en: 'Creates a draft invoice (optionally booked) or a deal with a quotation; the source’s id goes into the purchase order number.',
    nl: 'Maakt een conceptfactuur (eventueel geboekt) of een deal met offerte; het id van de bron komt in het bestelbonnummer.',
  },
  category: 'target',
  system: 'teamleader',
  icon: 'file-plus',
  inputs: [ports.in('salesOrder')],
  outputs: [],
  config: TeamleaderSalesTargetConfig,
  defaultConfig: { documentType: 'invoice', department: '', book: false, paymentTerm: { type: 'cash' } },
  connection: 'teamleader',
  output: written,
});

export const TeamleaderCustomerTargetConfig = z.object({
  connectionId: connectionField('teamleader'),
});

/** Company (with linked contact person) or contact upsert, matched by e-mail. */
export const teamleaderCustomerTarget = defineNode({
  kind: 'teamleader.target.customer',
  version: 1,
  label: { en: 'Teamleader company or contact', nl: 'Teamleader-bedrijf of -contact' },
  description: {
    en: 'Creates or updates a company (with its contact person linked) or a contact, matched by e-mail.',
    nl: 'Maakt of wijzigt een bedrijf (met gekoppelde contactpersoon) of een contact, gevonden op e-mail.',
  },
  category: 'target',
  system: 'teamleader',
  icon: 'user-round-plus',
  inputs: [ports.in('customer')],
  outputs: [],
  config: TeamleaderCustomerTargetConfig,
  defaultConfig: {},
  connection: 'teamleader',
  output: written,
});

export const TeamleaderProductTargetConfig = z.object({
  connectionId: connectionField('teamleader'),
  department: departmentField,
  eanField: field(z.string().default('EAN'), {
    title: { en: 'EAN custom field', nl: 'Eigen veld voor de EAN' },
  }),
  tillVatCodes: field(z.array(VatCodeRule).default([]), {
    title: {
      en: 'Tax rates the till shares a VAT code for',
      nl: 'Btw-tarieven met één btw-code in de kassa',
    },
    description: {
      en: 'As in the flow towards MplusKASSA. A product whose rate has the VAT code of the incoming rate keeps its rate: the till cannot tell 12% from 21% when both are its code 2.',
      nl: 'Zoals in de flow naar MplusKASSA. Een product met een tarief dat de btw-code van het binnenkomende tarief heeft, houdt zijn tarief: de kassa kent geen verschil tussen 12% en 21% als beide code 2 zijn.',
    },
    widget: 'lookupTable',
  }),
});

/** Product upsert with code = SKU. */
export const teamleaderProductTarget = defineNode({
  kind: 'teamleader.target.product',
  version: 1,
  label: { en: 'Teamleader product', nl: 'Teamleader-product' },
  description: {
    en: 'Creates or updates the product whose code is the SKU, with price, tax rate, category, stock and EAN.',
    nl: 'Maakt of wijzigt het product met de SKU als code, met prijs, btw, categorie, voorraad en EAN.',
  },
  category: 'target',
  system: 'teamleader',
  icon: 'package-plus',
  inputs: [ports.in('product')],
  outputs: [],
  config: TeamleaderProductTargetConfig,
  defaultConfig: { department: '', eanField: 'EAN' },
  connection: 'teamleader',
  output: written,
});

export const TeamleaderStockTargetConfig = z.object({
  connectionId: connectionField('teamleader'),
  missingProduct: missingField({ en: 'product', nl: 'het product' }),
});

/** Sets a product's stock (products.update stock.amount). */
export const teamleaderStockTarget = defineNode({
  kind: 'teamleader.target.productStock',
  version: 1,
  label: { en: 'Teamleader product stock', nl: 'Teamleader-productvoorraad' },
  description: {
    en: 'Sets the stock of the product whose code is the SKU.',
    nl: 'Zet de voorraad van het product met de SKU als code.',
  },
  category: 'target',
  system: 'teamleader',
  icon: 'warehouse',
  inputs: [ports.in('stockLevel')],
  outputs: [],
  config: TeamleaderStockTargetConfig,
  defaultConfig: { missingProduct: 'skip' },
  connection: 'teamleader',
  output: written,
});

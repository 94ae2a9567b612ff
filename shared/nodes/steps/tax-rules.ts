import { z } from 'zod';
import { SalesOrder } from '../../domain/sales-order';
import { defineNode, ports } from '../node-definition';
import { field } from '../ui-hints';
import { schemaMessage } from '../../flow/schema-message';

/**
 * One tax rule: sales to customers in `country` whose line carries `sourceRate` % get `targetTax`
 * in the target (Teamleader: a tax rate in percent of the document's department; MplusKASSA: a VAT
 * code). A row without `sourceRate` is the country's default. Country `*` matches every country.
 */
export const TaxRule = z.object({
  country: field(z.string().regex(/^([A-Za-z]{2}|\*)$/, schemaMessage('countryCode')), {
    title: { en: 'Country', nl: 'Land' },
  }),
  sourceRate: field(z.number().min(0).max(100).optional(), {
    title: { en: 'Tax rate (%)', nl: 'Btw-tarief (%)' },
  }),
  targetTax: field(z.number().min(0), {
    title: { en: 'Target tax', nl: 'Doel-btw' },
    choices: 'targetTax',
  }),
});
export type TaxRule = z.infer<typeof TaxRule>;

/** Revenue account per country: Teamleader product category (ledger per department) / MplusKASSA turnover group. */
export const RevenueRule = z.object({
  country: field(z.string().regex(/^([A-Za-z]{2}|\*)$/, schemaMessage('countryCode')), {
    title: { en: 'Country', nl: 'Land' },
  }),
  sourceRate: field(z.number().min(0).max(100).optional(), {
    title: { en: 'Tax rate (%)', nl: 'Btw-tarief (%)' },
  }),
  account: field(z.string().min(1), {
    title: { en: 'Revenue account', nl: 'Omzetrekening' },
    choices: 'revenueAccount',
  }),
});
export type RevenueRule = z.infer<typeof RevenueRule>;

export const TaxRulesConfig = z.object({
  countryPath: field(z.string().min(1).default('customer.billingAddress.country'), {
    title: { en: 'Customer country field', nl: 'Veld met het land van de klant' },
    widget: 'fieldPath',
    fieldSource: 'input',
  }),
  defaultCountry: field(
    z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .default('NL'),
    {
      title: { en: 'Country of walk-in sales', nl: 'Land bij verkoop zonder klant' },
      description: {
        en: 'Used when the sale has no customer country (e.g. the shop’s own country).',
        nl: 'Gebruikt als de verkoop geen land van de klant heeft (bijv. het land van de winkel).',
      },
    },
  ),
  taxRules: field(z.array(TaxRule).min(1, schemaMessage('atLeastOneTaxRule')), {
    title: { en: 'Tax code per country', nl: 'Btw-code per land' },
    description: {
      en: 'Per country (and source rate): the target tax. A row without source rate is the country’s default.',
      nl: 'Per land (en bron-tarief): de btw in het doelsysteem. Een rij zonder bron-tarief is de standaard van het land.',
    },
    widget: 'lookupTable',
  }),
  revenueRules: field(z.array(RevenueRule).default([]), {
    title: { en: 'Revenue account per country', nl: 'Omzetrekening per land' },
    description: {
      en: 'Teamleader: the product category (it carries the ledger account); MplusKASSA: the turnover group.',
      nl: 'Teamleader: de productcategorie (met de grootboekrekening); MplusKASSA: de omzetgroep.',
    },
    widget: 'lookupTable',
  }),
});
export type TaxRulesConfig = z.infer<typeof TaxRulesConfig>;

/** Tax code and revenue account per country, line by line. */
export const taxRulesTransform = defineNode({
  kind: 'rules.transform.tax',
  version: 1,
  label: { en: 'Tax per country', nl: 'Btw per land' },
  description: {
    en: 'Gives every line the target’s tax code and revenue account for the customer’s country; a country without a rule fails the order.',
    nl: 'Geeft elke regel de btw-code en omzetrekening van het land van de klant; een land zonder regel laat de order mislukken.',
  },
  category: 'transform',
  system: 'core',
  icon: 'percent',
  inputs: [ports.in('salesOrder')],
  outputs: [ports.out('salesOrder')],
  config: TaxRulesConfig,
  defaultConfig: {
    countryPath: 'customer.billingAddress.country',
    defaultCountry: 'NL',
    taxRules: [],
    revenueRules: [],
  },
  connection: 'none',
  output: SalesOrder,
});

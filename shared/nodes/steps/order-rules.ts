import { z } from 'zod';
import { SalesOrder } from '../../domain/sales-order';
import { defineNode, ports } from '../node-definition';
import { field, type FieldDoc } from '../ui-hints';
import { PaymentTermSetting } from './fields';

export const ValueMapping = z.object({
  from: field(z.string().min(1), { title: { en: 'From', nl: 'Van' } }),
  to: field(z.string().min(1), { title: { en: 'To', nl: 'Naar' } }),
});
export type ValueMapping = z.infer<typeof ValueMapping>;

/** A payment method of the flow's source → the target's (a {@link ValueMapping} picked from both systems' lists). */
export const PaymentMethodMapping = z.object({
  from: field(z.string().min(1), { title: { en: 'From', nl: 'Van' }, choices: 'sourcePaymentMethod' }),
  to: field(z.string().min(1), { title: { en: 'To', nl: 'Naar' }, choices: 'targetPaymentMethod' }),
});

/**
 * A status of the flow's source → Koppel's word for it (a {@link ValueMapping} picked from the
 * source's statuses and Koppel's). Koppel's side stays text: a flow typed before the pickers keeps
 * whatever it holds, shown as not in the list.
 */
export const StatusMapping = z.object({
  from: field(z.string().min(1), { title: { en: 'From', nl: 'Van' }, choices: 'sourceStatus' }),
  to: field(z.string().min(1), { title: { en: 'To', nl: 'Naar' }, choices: 'koppelStatus' }),
});

/** The target's payment method where the source's is missing or unknown. */
export const defaultPaymentMethodField = (doc: Omit<FieldDoc, 'title'> = {}) =>
  field(z.string().optional(), {
    title: { en: 'Default payment method', nl: 'Standaardbetaalmethode' },
    choices: 'targetPaymentMethod',
    ...doc,
  });

/** A shipping method in the source → a delivery method in the target, or a shipping line with a price. */
export const ShippingRule = z.object({
  from: field(z.string().min(1), { title: { en: 'From', nl: 'Van' }, choices: 'sourceDeliveryMethod' }),
  to: field(z.string().min(1), { title: { en: 'To', nl: 'Naar' }, choices: 'targetDeliveryMethod' }),
  /** When set, a line with this text and net price is added (Teamleader has no delivery methods). */
  lineDescription: field(z.string().optional(), {
    title: { en: 'Shipping line text', nl: 'Tekst verzendregel' },
  }),
  linePriceExcl: field(z.number().min(0).optional(), {
    title: { en: 'Line price excl. VAT', nl: 'Regelprijs excl. btw' },
  }),
  lineTaxRate: field(z.number().min(0).max(100).optional(), {
    title: { en: 'Line tax rate (%)', nl: 'Btw-tarief regel (%)' },
  }),
});
export type ShippingRule = z.infer<typeof ShippingRule>;

export const PaymentTermRule = z.object({
  paymentMethod: field(z.string().min(1), {
    title: { en: 'Payment method', nl: 'Betaalmethode' },
    choices: 'sourcePaymentMethod',
  }),
  term: field(PaymentTermSetting, { title: { en: 'Payment term', nl: 'Betalingstermijn' } }),
});

export const OrderRulesConfig = z.object({
  paymentMethods: field(z.array(PaymentMethodMapping).default([]), {
    title: { en: 'Payment method → payment method', nl: 'Betaalmethode → betaalmethode' },
    widget: 'lookupTable',
    group: { en: 'Payment', nl: 'Betaling' },
  }),
  unknownPaymentMethod: field(z.enum(['fail', 'keep', 'default']).default('fail'), {
    title: { en: 'Payment method not in the table', nl: 'Betaalmethode niet in de tabel' },
    widget: 'select',
    options: [
      { value: 'fail', label: { en: 'Fail the order', nl: 'Order laten mislukken' } },
      { value: 'keep', label: { en: 'Keep it as it is', nl: 'Ongewijzigd laten' } },
      { value: 'default', label: { en: 'Use the default', nl: 'Standaard gebruiken' } },
    ],
    group: { en: 'Payment', nl: 'Betaling' },
  }),
  defaultPaymentMethod: defaultPaymentMethodField({
    description: {
      en: 'For orders without a payment method (and unknown ones when chosen above).',
      nl: 'Voor orders zonder betaalmethode (en onbekende, als hierboven gekozen).',
    },
    group: { en: 'Payment', nl: 'Betaling' },
  }),
  paymentTerm: field(PaymentTermSetting.optional(), {
    title: { en: 'Payment term', nl: 'Betalingstermijn' },
    group: { en: 'Payment', nl: 'Betaling' },
  }),
  paymentTerms: field(z.array(PaymentTermRule).default([]), {
    title: { en: 'Payment term per payment method', nl: 'Betalingstermijn per betaalmethode' },
    widget: 'lookupTable',
    // Not "Payment method 1": the cards sit under the payment method table, whose words it repeated.
    itemTitle: { en: 'Term rule', nl: 'Termijnregel' },
    group: { en: 'Payment', nl: 'Betaling' },
  }),
  shippingMethods: field(z.array(ShippingRule).default([]), {
    title: {
      en: 'Shipping method → delivery method or shipping line',
      nl: 'Verzendmethode → leveringswijze of verzendregel',
    },
    widget: 'lookupTable',
    itemTitle: { en: 'Shipping method', nl: 'Verzendmethode' },
    group: { en: 'Shipping', nl: 'Verzending' },
  }),
  unknownShippingMethod: field(z.enum(['fail', 'keep', 'drop']).default('keep'), {
    title: { en: 'Shipping method not in the table', nl: 'Verzendmethode niet in de tabel' },
    widget: 'select',
    options: [
      { value: 'fail', label: { en: 'Fail the order', nl: 'Order laten mislukken' } },
      { value: 'keep', label: { en: 'Keep it as it is', nl: 'Ongewijzigd laten' } },
      { value: 'drop', label: { en: 'Leave it out', nl: 'Weglaten' } },
    ],
    group: { en: 'Shipping', nl: 'Verzending' },
  }),
  statusMap: field(z.array(StatusMapping).default([]), {
    title: { en: 'Order status map', nl: 'Orderstatussen' },
    widget: 'lookupTable',
    group: { en: 'Status', nl: 'Status' },
  }),
});
export type OrderRulesConfig = z.infer<typeof OrderRulesConfig>;

/** Payment method, payment term, shipping method and status mapping for sales orders. */
export const orderRulesTransform = defineNode({
  kind: 'rules.transform.order',
  version: 1,
  label: { en: 'Payment, shipping and status', nl: 'Betaling, verzending en status' },
  description: {
    en: 'Maps payment methods, payment terms, shipping methods and order statuses to the target’s; an unknown payment method fails the order.',
    nl: 'Zet betaalmethoden, betalingstermijnen, verzendmethoden en orderstatussen om naar die van het doelsysteem.',
  },
  category: 'transform',
  system: 'core',
  icon: 'credit-card',
  inputs: [ports.in('salesOrder')],
  outputs: [ports.out('salesOrder')],
  config: OrderRulesConfig,
  defaultConfig: {
    paymentMethods: [],
    unknownPaymentMethod: 'fail',
    paymentTerms: [],
    shippingMethods: [],
    unknownShippingMethod: 'keep',
    statusMap: [],
  },
  connection: 'none',
  output: SalesOrder,
});

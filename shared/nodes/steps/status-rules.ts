import { z } from 'zod';
import { OrderStatus } from '../../domain/order-status';
import { defineNode, ports } from '../node-definition';
import { field } from '../ui-hints';
import { defaultPaymentMethodField, PaymentMethodMapping, StatusMapping } from './order-rules';
import { schemaMessage } from '../../flow/schema-message';

export const StatusRulesConfig = z.object({
  statusMap: field(z.array(StatusMapping).min(1, schemaMessage('atLeastOneStatus')), {
    title: { en: 'Status map', nl: 'Statussen' },
    description: {
      en: 'Source status → Koppel status (draft, open, paid, cancelled).',
      nl: 'Bronstatus → Koppel-status (draft, open, paid, cancelled).',
    },
    widget: 'lookupTable',
  }),
  unknownStatus: field(z.enum(['skip', 'fail']).default('skip'), {
    title: { en: 'Status not in the map', nl: 'Status niet in de tabel' },
    widget: 'select',
    options: [
      { value: 'skip', label: { en: 'Skip the record', nl: 'Record overslaan' } },
      { value: 'fail', label: { en: 'Fail the record', nl: 'Record laten mislukken' } },
    ],
  }),
  paymentMethods: field(z.array(PaymentMethodMapping).default([]), {
    title: { en: 'Payment method → payment method', nl: 'Betaalmethode → betaalmethode' },
    widget: 'lookupTable',
  }),
  defaultPaymentMethod: defaultPaymentMethodField(),
});
export type StatusRulesConfig = z.infer<typeof StatusRulesConfig>;

/** The order status map for payment-status records. */
export const statusRulesTransform = defineNode({
  kind: 'rules.transform.status',
  version: 1,
  label: { en: 'Order status map', nl: 'Orderstatussen' },
  description: {
    en: 'Turns the source’s status into Koppel’s (open, paid, cancelled) and maps the payment method.',
    nl: 'Zet de status van de bron om naar die van Koppel (open, paid, cancelled) en de betaalmethode.',
  },
  category: 'transform',
  system: 'core',
  icon: 'list-checks',
  inputs: [ports.in('orderStatus')],
  outputs: [ports.out('orderStatus')],
  config: StatusRulesConfig,
  defaultConfig: { statusMap: [], unknownStatus: 'skip', paymentMethods: [] },
  connection: 'none',
  output: OrderStatus,
});

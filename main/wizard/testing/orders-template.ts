import { FlowDocument } from '../../../shared/flow/flow-document';

const chain = [
  { id: 'trigger', kind: 'core.trigger.manual', config: {} },
  { id: 'source', kind: 'mplus.source.sales', config: { documentType: 'orders', startFrom: '2026-01-01' } },
  {
    id: 'tax',
    kind: 'rules.transform.tax',
    config: {
      taxRules: [
        { country: 'NL', sourceRate: 21, targetTax: 21 },
        { country: '*', targetTax: 0 },
      ],
      revenueRules: [{ country: 'NL', account: 'Brood' }],
    },
  },
  {
    id: 'rules',
    kind: 'rules.transform.order',
    config: { paymentMethods: [{ from: 'PIN', to: 'Bancontact' }], shippingMethods: [] },
  },
  { id: 'skip', kind: 'teamleader.step.skipIfExists', config: { documentType: 'invoice' } },
  { id: 'customer', kind: 'teamleader.step.resolveCustomer', config: {} },
  { id: 'products', kind: 'teamleader.step.ensureProducts', config: { department: 'Koppel Demo BV' } },
  {
    id: 'target',
    kind: 'teamleader.target.sales',
    config: { documentType: 'invoice', department: 'Koppel Demo BV', paymentTerm: { type: 'cash' } },
  },
];

/**
 * A small orders template (MplusKASSA POS orders → Teamleader invoices) with the node kinds the real
 * templates use, so the wizard's logic is tested without depending on the shipped files.
 */
export function ordersTemplate(): FlowDocument {
  return FlowDocument.parse({
    schemaVersion: 2,
    id: 'orders-mplus-to-teamleader',
    name: 'POS orders → Teamleader invoices',
    nodes: chain.map((node, index) => ({ ...node, version: 1, position: { x: index * 200, y: 0 } })),
    edges: chain.slice(1).map((node, index) => ({
      id: `e${index}`,
      source: chain[index]?.id ?? '',
      target: node.id,
    })),
    schedule: { kind: 'interval', everyMinutes: 15 },
  });
}

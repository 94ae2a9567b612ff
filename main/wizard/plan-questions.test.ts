import { describe, expect, it } from 'vitest';
import type { WizardChoices, WizardQuestion } from '../../shared/api/calls/wizard';
import { nodeCatalog } from '../../shared/nodes/all-nodes';
import { flowSystems, planFlow } from './plan-questions';
import { ordersTemplate } from './testing/orders-template';

const choices: WizardChoices = {
  teamleader: {
    ok: true,
    connectionId: 'sandbox-teamleader',
    data: {
      departments: [
        { value: 'Acme NV', label: 'Acme NV' },
        { value: 'Acme Horeca', label: 'Acme Horeca' },
      ],
      taxRates: { 'Acme NV': [{ value: 21, label: '21%' }] },
      categories: [{ value: 'Brood', label: 'Brood', hint: '700000' }],
      paymentMethods: [{ value: 'Bancontact', label: 'Bancontact' }],
      paymentTerms: [{ term: { type: 'cash' }, isDefault: true }],
    },
  },
  mplus: { ok: false, connectionId: 'mplus', message: 'MplusKASSA: Authentication failed' },
};

const byId = (questions: WizardQuestion[], id: string) => questions.find((q) => q.id === id);

describe('wizard questions of a template', () => {
  it('asks what the template holds, prefilled with its values, in a fixed order', () => {
    const plan = planFlow('orders', ordersTemplate(), choices, nodeCatalog);
    expect(plan.questions.map((q) => q.id)).toEqual([
      'sourceDocument',
      'targetDocument',
      'department',
      'defaultDebtor',
      'taxRules',
      'revenueRules',
      'paymentTerm',
      'paymentMethods',
      'shippingMethods',
      'statusMap',
      'startFrom',
      'schedule',
    ]);
    expect(byId(plan.questions, 'sourceDocument')).toMatchObject({ type: 'select', value: 'orders' });
    expect(byId(plan.questions, 'startFrom')).toMatchObject({ type: 'date', value: '2026-01-01' });
    expect(byId(plan.questions, 'schedule')).toMatchObject({ value: { kind: 'interval', everyMinutes: 15 } });
    // The default debtor is off in the template; the question still offers it with its defaults.
    expect(byId(plan.questions, 'defaultDebtor')).toMatchObject({
      value: { enabled: false, name: 'Kassaklant' },
    });
    expect(plan).toMatchObject({ source: 'mplus', target: 'teamleader' });
  });

  it('offers the catalogue labels for document types in both languages', () => {
    const plan = planFlow('orders', ordersTemplate(), choices, nodeCatalog);
    const target = byId(plan.questions, 'targetDocument');
    expect(target?.type === 'select' && target.options.map((o) => o.label)).toEqual([
      { en: 'Invoice', nl: 'Factuur' },
      { en: 'Offer (deal with a quotation)', nl: 'Offerte (deal met offerte)' },
    ]);
  });

  it('fits a department the account does not have to its first department', () => {
    const plan = planFlow('orders', ordersTemplate(), choices, nodeCatalog);
    expect(byId(plan.questions, 'department')).toMatchObject({ value: 'Acme NV' });
  });

  it('takes tax choices from the target system, per department, and says which question picks it', () => {
    const plan = planFlow('orders', ordersTemplate(), choices, nodeCatalog);
    expect(byId(plan.questions, 'taxRules')).toMatchObject({
      target: 'teamleader',
      options: { 'Acme NV': [{ value: 21, label: '21%' }] },
      departmentQuestion: 'department',
    });
    expect(byId(plan.questions, 'revenueRules')).toMatchObject({
      options: [{ value: 'Brood', hint: '700000' }],
    });
  });

  it('maps payment methods from the source system to the target system, typed where a system is unreadable', () => {
    const plan = planFlow('orders', ordersTemplate(), choices, nodeCatalog);
    expect(byId(plan.questions, 'paymentMethods')).toMatchObject({
      value: [{ from: 'PIN', to: 'Bancontact' }],
      fromOptions: [],
      toOptions: [{ value: 'Bancontact' }],
    });
  });

  it("offers the source's statuses on the left of the status map and Koppel's on the right", () => {
    const plan = planFlow('orders', ordersTemplate(), choices, nodeCatalog);
    const values = (options: readonly { value: string | number }[]) => options.map((o) => o.value);
    const question = byId(plan.questions, 'statusMap');
    expect(question?.type).toBe('valueMap');
    if (question?.type !== 'valueMap') return;
    // The till's orders are open, paid or cancelled (its invoices may be credit invoices).
    expect(values(question.fromOptions)).toEqual(['open', 'paid', 'cancelled', 'credit']);
    expect(values(question.toOptions)).toEqual(['draft', 'open', 'paid', 'cancelled']);
  });

  it('falls back to a neutral value when the template holds one that does not parse', () => {
    const broken = ordersTemplate();
    const target = broken.nodes.find((node) => node.id === 'target');
    if (target) target.config.paymentTerm = { type: 'someday' };
    const plan = planFlow('orders', broken, choices, nodeCatalog);
    expect(byId(plan.questions, 'paymentTerm')).toMatchObject({ value: { type: 'cash' } });
  });

  it('finds the systems from the source and target nodes', () => {
    expect(flowSystems(ordersTemplate(), nodeCatalog)).toEqual({ source: 'mplus', target: 'teamleader' });
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WizardChoices } from '../../shared/api/calls/wizard';
import { validateFlow } from '../../shared/flow/validate-flow';
import { resourcesDir } from '../app/paths';
import { createNodeRegistry } from '../nodes';
import { TemplateStore } from '../store/template-store';
import { applyAnswers } from './apply-answers';
import { planFlow } from './plan-questions';

const catalog = createNodeRegistry().catalog;
const templates = new TemplateStore(path.join(resourcesDir(), 'templates')).list();
// Neither system readable: the questions must still come out of the templates alone.
const noChoices: WizardChoices = {
  teamleader: { ok: false, message: 'offline' },
  mplus: { ok: false, message: 'offline' },
};
const connections = { teamleader: 'sandbox-teamleader', mplus: 'sandbox-mplus' };

describe('the wizard over the shipped templates', () => {
  it('finds all nine templates', () => {
    expect(templates.map((t) => t.id)).toHaveLength(9);
    expect(templates.filter((t) => t.error !== null)).toEqual([]);
  });

  it.each(templates.map((t) => [t.id, t] as const))(
    '%s: answering every question with its prefilled value gives back the template, valid',
    (id, template) => {
      if (!template.flow) throw new Error(`${id} does not read`);
      const plan = planFlow(id, template.flow, noChoices, catalog);
      expect(plan.questions.map((q) => q.id)).toContain('schedule');
      const answers = Object.fromEntries(plan.questions.map((q) => [q.id, q.value]));
      const built = applyAnswers({ template: template.flow, answers, connections, enabled: false }, catalog);
      expect(validateFlow(built, catalog).filter((p) => p.severity === 'error')).toEqual([]);
      const withoutConnection = (config: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'connectionId'));
      // Parsing the answers applies each field's defaults, so compare through the same parse.
      for (const node of built.nodes) {
        const before = template.flow.nodes.find((n) => n.id === node.id);
        const definition = catalog.get(node.kind, node.version);
        expect(definition?.config.parse(withoutConnection(node.config))).toEqual(
          definition?.config.parse(withoutConnection(before?.config ?? {})),
        );
      }
      expect(built.schedule).toEqual(template.flow.schedule);
    },
  );

  it('asks the orders flows the questions of the hosted integrator’s sales-order package', () => {
    const orders = templates.find((t) => t.id === 'orders-mplus-to-teamleader')?.flow;
    if (!orders) throw new Error('no orders template');
    const ids = planFlow('orders', orders, noChoices, catalog).questions.map((q) => q.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'sourceDocument',
        'targetDocument',
        'department',
        'defaultDebtor',
        'taxRules',
        'revenueRules',
        'paymentTerm',
        'paymentMethods',
        'shippingMethods',
        'startFrom',
        'schedule',
      ]),
    );
    const toMplus = templates.find((t) => t.id === 'orders-teamleader-to-mplus')?.flow;
    if (!toMplus) throw new Error('no orders template');
    expect(planFlow('o', toMplus, noChoices, catalog).questions.map((q) => q.id)).toEqual(
      expect.arrayContaining(['employeeNumber', 'branch', 'targetDocument', 'taxRules']),
    );
  });

  it("asks both product flows the till's VAT codes, so the two directions keep one table", () => {
    const table = [
      { rate: 21, code: 2 },
      { rate: 12, code: 2 },
      { rate: 6, code: 1 },
    ];
    for (const [id, kind, key] of [
      ['products-teamleader-to-mplus', 'mplus.target.product', 'vatCodes'],
      ['products-mplus-to-teamleader', 'teamleader.target.product', 'tillVatCodes'],
    ] as const) {
      const template = templates.find((t) => t.id === id)?.flow;
      if (!template) throw new Error(`no ${id} template`);
      const plan = planFlow(id, template, noChoices, catalog);
      const question = plan.questions.find((q) => q.id === 'vatCodes');
      // Prefilled with the template's table: the same in both.
      expect(question?.value).toEqual(expect.arrayContaining([{ rate: 12, code: 2 }]));
      const answers = { ...Object.fromEntries(plan.questions.map((q) => [q.id, q.value])), vatCodes: table };
      const built = applyAnswers({ template, answers, connections, enabled: false }, catalog);
      expect(built.nodes.find((node) => node.kind === kind)?.config[key]).toEqual(table);
    }
  });
});

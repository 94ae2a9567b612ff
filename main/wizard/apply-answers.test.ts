import { describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { validateFlow } from '../../shared/flow/validate-flow';
import { nodeCatalog } from '../../shared/nodes/all-nodes';
import { applyAnswers } from './apply-answers';
import { ordersTemplate } from './testing/orders-template';
import { koppelErrorOf } from '../../shared/api/testing/koppel-error-of';

const connections = { teamleader: 'sandbox-teamleader', mplus: 'sandbox-mplus' };
const build = (answers: Record<string, unknown>) =>
  applyAnswers({ template: ordersTemplate(), answers, connections, enabled: false }, nodeCatalog);
const node = (flow: ReturnType<typeof build>, id: string) => flow.nodes.find((n) => n.id === id)?.config;

describe('a flow from a template and the answers', () => {
  it('writes one answer into every node that holds the setting', () => {
    const flow = build({ targetDocument: 'quotation', department: 'Acme Horeca' });
    expect(node(flow, 'target')).toMatchObject({ documentType: 'quotation', department: 'Acme Horeca' });
    expect(node(flow, 'skip')).toMatchObject({ documentType: 'quotation' });
    expect(node(flow, 'products')).toMatchObject({ department: 'Acme Horeca' });
    expect(validateFlow(flow, nodeCatalog)).toEqual([]);
  });

  it('binds every system node to the chosen connection and gives the flow a new id', () => {
    const flow = build({});
    for (const id of ['skip', 'customer', 'products', 'target'])
      expect(node(flow, id)?.connectionId).toBe('sandbox-teamleader');
    expect(node(flow, 'source')?.connectionId).toBe('sandbox-mplus');
    expect(node(flow, 'tax')?.connectionId).toBeUndefined();
    expect(flow.id).not.toBe('orders-mplus-to-teamleader');
    expect(flow).toMatchObject({ revision: 0, enabled: false, name: 'POS orders → Teamleader invoices' });
  });

  it('keeps a given id and name, and the enabled flag', () => {
    const flow = applyAnswers(
      {
        template: ordersTemplate(),
        answers: {},
        connections,
        enabled: true,
        id: 'wiz-1',
        name: 'Shop orders',
      },
      nodeCatalog,
    );
    expect(flow).toMatchObject({ id: 'wiz-1', name: 'Shop orders', enabled: true });
  });

  it('sets the schedule, the default debtor, tax rules and the start date, and clears an emptied date', () => {
    const flow = build({
      schedule: { kind: 'cron', cron: '0 6 * * *' },
      defaultDebtor: { enabled: true, name: 'Walk-in', email: 'walkin@example.com' },
      taxRules: [{ country: 'BE', targetTax: 21 }],
      startFrom: null,
    });
    expect(flow.schedule).toEqual({ kind: 'cron', cron: '0 6 * * *', timezone: 'Europe/Amsterdam' });
    expect(node(flow, 'customer')?.defaultDebtor).toEqual({
      enabled: true,
      name: 'Walk-in',
      email: 'walkin@example.com',
    });
    expect(node(flow, 'tax')?.taxRules).toEqual([{ country: 'BE', targetTax: 21 }]);
    expect(node(flow, 'source')).not.toHaveProperty('startFrom');
  });

  it('refuses an answer of the wrong shape, naming the flow and the question', () => {
    const error = koppelErrorOf(() =>
      build({ defaultDebtor: { enabled: true, name: 'Walk-in', email: 'not an e-mail' } }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(
      /^Flow "POS orders → Teamleader invoices": the answer to "Default debtor" is not valid: .*email/,
    );
  });

  it('refuses questions that do not exist or that the template does not ask', () => {
    expect(() => build({ favouriteColour: 'teal' })).toThrow(
      'Flow "POS orders → Teamleader invoices": there is no question "favouriteColour".',
    );
    expect(() => build({ employeeNumber: 12 })).toThrow(/does not ask "MplusKASSA employee"/);
  });

  it('says in Dutch too what is wrong, with the question’s Dutch title and zod’s Dutch words', () => {
    const debtor = koppelErrorOf(() =>
      build({ defaultDebtor: { enabled: true, name: 'Walk-in', email: 'not an e-mail' } }),
    );
    expect(debtor).toMatchObject({ code: 'invalid_input', detail: { question: 'defaultDebtor' } });
    expect(debtor.message).toMatch(/ → at email$/);
    expect(apiMessageIn(debtor, 'nl')).toMatch(
      /^Flow "POS orders → Teamleader invoices": het antwoord op "Standaarddebiteur" is niet geldig: ✖ Ongeldig.* → bij email$/,
    );
    const schedule = koppelErrorOf(() => build({ schedule: { kind: 'hourly' } }));
    expect(schedule.message).toMatch(/the answer to "When to run" is not valid: ✖ /);
    expect(apiMessageIn(schedule, 'nl')).toMatch(/het antwoord op "Wanneer uitvoeren" is niet geldig: ✖ /);

    expect(
      apiMessageIn(
        koppelErrorOf(() => build({ favouriteColour: 'teal' })),
        'nl',
      ),
    ).toBe('Flow "POS orders → Teamleader invoices": er is geen vraag "favouriteColour".');
    expect(
      apiMessageIn(
        koppelErrorOf(() => build({ employeeNumber: 12 })),
        'nl',
      ),
    ).toBe(
      'Flow "POS orders → Teamleader invoices" vraagt niet naar "MplusKASSA-medewerker" (geen van de nodes heeft die instelling).',
    );
  });

  it('does not change the template it started from', () => {
    const template = ordersTemplate();
    applyAnswers(
      { template, answers: { targetDocument: 'quotation' }, connections, enabled: false },
      nodeCatalog,
    );
    expect(template).toEqual(ordersTemplate());
  });
});

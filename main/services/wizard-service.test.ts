import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { apiCalls, type CallName, type CallOutput } from '../../shared/api/contract';
import { createApp, type App } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { tempDataDir } from '../connections/testing/fixtures';
import { ensureSandbox } from '../sandbox/ensure-sandbox';
import { createOsKeychain } from '../vault/keychain';
import { Vault } from '../vault/vault';
import { ordersTemplate } from '../wizard/testing/orders-template';

const connections = { teamleaderId: 'sandbox-teamleader', mplusId: 'sandbox-mplus' };

describe('wizard.* against the sandbox twins', () => {
  let app: App;
  let dataDir: string;

  async function call<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> {
    const result = await app.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return apiCalls[name].output.parse(result.output) as CallOutput<K>;
  }

  /** Sets a twin's injected faults through its admin API (`{}` clears them). */
  async function faults(adminUrl: string, body: object): Promise<void> {
    const response = await fetch(`${adminUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  }

  async function failure(name: CallName, input: unknown) {
    const result = await app.dispatch(name, input);
    if (result.ok) throw new Error(`${name} succeeded`);
    return result.error;
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    const templatesDir = path.join(dataDir, 'templates');
    fs.mkdirSync(templatesDir);
    fs.writeFileSync(path.join(templatesDir, 'orders.flow.json'), JSON.stringify(ordersTemplate()));
    // Sandbox connections only: nothing reaches a keychain, but give it a service of its own anyway.
    const vault = new Vault({ keychain: createOsKeychain('Koppel-test-wizard'), env: {} });
    app = await createApp({ host: 'cli', dataDir, vault, logger: silentLogger, templatesDir });
    await ensureSandbox(app.ctx);
  }, 60_000);

  afterAll(async () => {
    await app?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads the choices of both systems from their reference data', async () => {
    const { choices } = await call('wizard.prepare', { ...connections, templateIds: ['orders'] });
    if (!choices.teamleader.ok || !choices.mplus.ok) throw new Error(JSON.stringify(choices));
    const tl = choices.teamleader.data;
    expect(tl.departments.map((d) => d.value)).toContain('Koppel Demo BV');
    expect(tl.taxRates['Koppel Demo BV']?.map((r) => r.value)).toEqual(expect.arrayContaining([21, 6, 0]));
    expect(tl.categories.length).toBeGreaterThan(0);
    expect(tl.categories[0]?.hint).toMatch(/^\d+/);
    expect(tl.paymentMethods.map((m) => m.value)).toEqual(
      expect.arrayContaining(['cash', 'payment_card', 'bank_transfer']),
    );
    expect(tl.paymentTerms.filter((t) => t.isDefault)).toHaveLength(1);
    const mp = choices.mplus.data;
    expect(mp.employees).toContainEqual({ value: 999999, label: expect.any(String) });
    expect(mp.vatCodes.map((v) => v.label)).toEqual(expect.arrayContaining(['21 %', '9 %']));
    // Each code knows its rate, so a tax rule can tell when it changes the VAT.
    for (const code of mp.vatCodes) expect(code.label).toBe(`${code.rate} %`);
    expect(mp.turnoverGroups[0]).toMatchObject({ value: expect.stringMatching(/^\d+$/) });
    expect(mp.branches.length).toBeGreaterThan(0);
    expect(mp.paymentMethods.map((m) => m.value)).toContain('PIN');
    expect(mp.deliveryMethods.length).toBeGreaterThan(0);
  });

  it('offers the lists it could read when one cannot be, and says which and why', async () => {
    const { teamleader, mplus } = (await app.ctx.sandbox.sandbox()).info;
    // An account whose integration lacks a scope: Teamleader refuses its payment terms only;
    // the till refuses its branches.
    await faults(teamleader.adminUrl, { errorRate: 1, statuses: [403], operations: ['paymentTerms.list'] });
    await faults(mplus.adminUrl, { errorRate: 1, statuses: [500], operations: ['getBranches'] });
    try {
      const { choices, flows } = await call('wizard.prepare', { ...connections, templateIds: ['orders'] });
      if (!choices.teamleader.ok || !choices.mplus.ok) throw new Error(JSON.stringify(choices));
      const tl = choices.teamleader.data;
      expect(tl.paymentTerms).toEqual([]);
      expect(Object.keys(tl.unread ?? {})).toEqual(['paymentTerms']);
      expect(tl.unread?.paymentTerms).toMatch(/403|forbidden|not allowed/i);
      // The rest is still offered: the department question picks from Teamleader's list.
      expect(tl.departments.map((d) => d.value)).toContain('Koppel Demo BV');
      expect(tl.taxRates['Koppel Demo BV']?.length).toBeGreaterThan(0);
      const department = flows[0]?.questions.find((q) => q.id === 'department');
      expect(department).toMatchObject({
        options: expect.arrayContaining([expect.objectContaining({ value: 'Koppel Demo BV' })]),
      });
      const mp = choices.mplus.data;
      expect(mp.branches).toEqual([]);
      expect(Object.keys(mp.unread ?? {})).toEqual(['branches']);
      expect(mp.employees.length).toBeGreaterThan(0);
    } finally {
      await faults(teamleader.adminUrl, {});
      await faults(mplus.adminUrl, {});
    }
  });

  it('says a system cannot be read when none of its lists can', async () => {
    const { teamleader } = (await app.ctx.sandbox.sandbox()).info;
    await faults(teamleader.adminUrl, { errorRate: 1, statuses: [403] });
    try {
      const { choices } = await call('wizard.prepare', { ...connections, templateIds: ['orders'] });
      expect(choices.teamleader.ok).toBe(false);
      if (choices.teamleader.ok) return;
      expect(choices.teamleader.message).toMatch(/403|forbidden|not allowed/i);
      expect(choices.mplus.ok).toBe(true);
    } finally {
      await faults(teamleader.adminUrl, {});
    }
  });

  it('plans the template with its values fitted to the account', async () => {
    const { flows } = await call('wizard.prepare', { ...connections, templateIds: ['orders'] });
    const department = flows[0]?.questions.find((q) => q.id === 'department');
    expect(department).toMatchObject({ value: 'Koppel Demo BV', options: expect.arrayContaining([]) });
    expect(flows[0]).toMatchObject({ templateId: 'orders', source: 'mplus', target: 'teamleader' });
  });

  it('plans the template in the UI language, with the name the flow built from it gets', async () => {
    const dutch = path.join(dataDir, 'templates', 'orders.nl.json');
    fs.writeFileSync(
      dutch,
      JSON.stringify({
        name: 'Kassaorders → facturen',
        description: 'Elke kassaorder wordt een factuur.',
        nodes: {},
      }),
    );
    await call('settings.update', { language: 'nl' });
    try {
      const { flows } = await call('wizard.prepare', { ...connections, templateIds: ['orders'] });
      expect(flows[0]).toMatchObject({
        name: 'Kassaorders → facturen',
        description: 'Elke kassaorder wordt een factuur.',
      });
      const built = await call('wizard.build', {
        ...connections,
        flows: [{ templateId: 'orders', answers: {} }],
      });
      expect(built.flows[0]?.flow.name).toBe(flows[0]?.name);
    } finally {
      await call('settings.update', { language: 'en' });
      fs.rmSync(dutch);
    }
  });

  it('says why a system could not be read, instead of failing the whole wizard', async () => {
    const { choices } = await call('wizard.prepare', {
      teamleaderId: 'sandbox-teamleader',
      mplusId: 'sandbox-teamleader',
      templateIds: ['orders'],
    });
    expect(choices.teamleader.ok).toBe(true);
    expect(choices.mplus).toMatchObject({
      ok: false,
      message: expect.stringMatching(/teamleader, not mplus/),
    });
  });

  it('builds without saving, then saves the enabled flow under the id of its dry run', async () => {
    const input = {
      ...connections,
      flows: [{ templateId: 'orders', answers: { targetDocument: 'quotation' } }],
    };
    const built = await call('wizard.build', input);
    expect(built.flows[0]?.problems).toEqual([]);
    const id = built.flows[0]?.flow.id ?? '';
    expect((await call('flows.list', {})).flows.map((f) => f.id)).not.toContain(id);

    const created = await call('wizard.create', {
      ...input,
      enable: true,
      flows: [{ ...input.flows[0], id }],
    });
    expect(created.flows[0]?.flow).toMatchObject({ id, enabled: true, revision: 1 });
    const listed = (await call('flows.list', {})).flows.find((f) => f.id === id);
    expect(listed).toMatchObject({ enabled: true, errors: 0 });
    expect(listed?.nextRunAt).not.toBeNull();
    expect(await failure('wizard.create', { ...input, flows: [{ ...input.flows[0], id }] })).toMatchObject({
      code: 'conflict',
    });
  });

  it('refuses to save a flow that does not validate, and saves nothing', async () => {
    const before = (await call('flows.list', {})).flows.length;
    const error = await failure('wizard.create', {
      ...connections,
      flows: [{ templateId: 'orders', answers: { taxRules: [] } }],
    });
    expect(error.code).toBe('invalid_flow');
    expect(error.message).toMatch(/^Flow "POS orders → Teamleader invoices" cannot be saved yet: .*tax rule/);
    expect((await call('flows.list', {})).flows).toHaveLength(before);
  });

  it('refuses connections of the wrong kind or that do not exist', async () => {
    const flows = [{ templateId: 'orders', answers: {} }];
    expect(
      await failure('wizard.build', { teamleaderId: 'sandbox-mplus', mplusId: 'sandbox-mplus', flows }),
    ).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/got mplus and mplus/) });
    expect(await failure('wizard.build', { ...connections, mplusId: 'nope', flows })).toMatchObject({
      code: 'not_found',
    });
  });

  it('says in Dutch too why it builds or saves nothing', async () => {
    const flows = [{ templateId: 'orders', answers: {} }];
    const kinds = await failure('wizard.build', {
      teamleaderId: 'sandbox-mplus',
      mplusId: 'sandbox-mplus',
      flows,
    });
    expect(apiMessageIn(kinds, 'nl')).toBe(
      'Kies een Teamleader- en een MplusKASSA-koppeling (gekregen: mplus en mplus).',
    );

    const broken = await failure('wizard.create', {
      ...connections,
      flows: [{ templateId: 'orders', answers: { taxRules: [] } }],
    });
    const first = (broken.detail as { problems: { severity: string; message: string }[] }).problems.find(
      (problem) => problem.severity === 'error',
    );
    expect(broken.message).toBe(
      `Flow "POS orders → Teamleader invoices" cannot be saved yet: ${first?.message}`,
    );
    // The flow's first problem in the Dutch words of its own code.
    expect(apiMessageIn(broken, 'nl')).toMatch(
      /^Flow "POS orders → Teamleader invoices" kan nog niet worden opgeslagen: .*veld "Btw-code per land"/,
    );

    const input = { ...connections, flows: [{ templateId: 'orders', answers: {}, id: 'wizard-dutch' }] };
    await call('wizard.create', { ...input, enable: false });
    const taken = await failure('wizard.create', { ...input, enable: false });
    expect(taken).toMatchObject({ code: 'conflict', message: 'A flow with id wizard-dutch already exists.' });
    expect(apiMessageIn(taken, 'nl')).toBe('Er bestaat al een flow met id wizard-dutch.');
  });
});

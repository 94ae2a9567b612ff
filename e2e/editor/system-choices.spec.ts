import type { Locator, Page } from '@playwright/test';
import type { FlowDocument } from '../../shared/flow/flow-document';
import { expect, openApp, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { TestApi } from '../runs/api-client';
import { sandboxUrls, setFaults } from '../runs/scene';

/** A twin's calls so far, per operation (its admin API's stats). */
async function twinCalls(adminUrl: string): Promise<Record<string, number>> {
  const response = await fetch(`${adminUrl}/stats`);
  return ((await response.json()) as { calls: Record<string, number> }).calls;
}

test.use({ viewport: { width: 1440, height: 900 } });

const inspector = (page: Page) => page.getByTestId('node-inspector');

/** A row's picker in the inspector's tax rules table. */
function targetTax(page: Page, row: number): Locator {
  return page.getByTestId(`taxRules-row-${row}`).getByRole('combobox', { name: `Target tax ${row + 1}` });
}

/** The node's config as saved. */
async function savedConfig(api: TestApi, flowId: string, nodeId: string): Promise<Record<string, unknown>> {
  const { flow } = await api.call('flows.get', { id: flowId });
  return flow.nodes.find((node) => node.id === nodeId)?.config ?? {};
}

test.describe("the inspector's pickers offer the connected systems' own lists", () => {
  test('towards Teamleader: its tax rates per rule, the rows that change the VAT, its departments', async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    const { flow, editor } = await EditorPage.openTemplate(page, host, api, 'orders-mplus-to-teamleader');

    await editor.select('rules.transform.tax');
    // The sandbox's Teamleader is Belgian: the rates of its department, read through the connection.
    // Last, a way to read the list again (a rate added in Teamleader since).
    await expect(targetTax(page, 0).locator('option')).toHaveText([
      '21%',
      '12%',
      '6%',
      '0%',
      "↻ Read Teamleader's lists again",
    ]);
    await expect(targetTax(page, 0).locator('option:checked')).toHaveText('21%');
    // The template sends the till's 9 % as 6 %: said beside that row, as in the wizard.
    await expect(targetTax(page, 1).locator('option:checked')).toHaveText('6%');
    await expect(page.getByTestId('taxRules-row-1-note')).toHaveText('⚠ 9 % becomes 6 % in Teamleader');
    await expect(page.getByTestId('taxRules-row-0-note')).toHaveCount(0);
    await expect(page.getByTestId('taxRules-vat-note')).toContainText(
      'another VAT rate than the source charged',
    );
    await page.getByTestId('taxRules-row-1').scrollIntoViewIfNeeded();
    await editor.shot('editor-tax-rules-teamleader');

    // Picking another rate changes the rule (and its note).
    await targetTax(page, 1).selectOption({ label: '12%' });
    await expect(page.getByTestId('taxRules-row-1-note')).toHaveText('⚠ 9 % becomes 12 % in Teamleader');
    await editor.save();
    const taxRules = (await savedConfig(api, flow.id, 'tax')).taxRules as { targetTax: number }[];
    expect(taxRules[1]?.targetTax).toBe(12);

    // Payment methods: the till's on the left, Teamleader's on the right; Teamleader has no
    // delivery methods, so a shipping rule's target stays typed.
    await editor.select('rules.transform.order');
    const payment = page.getByTestId('paymentMethods-row-0');
    await expect(payment.getByRole('combobox', { name: 'From 1' }).locator('option')).toHaveText([
      // A name that says its code is shown alone.
      'Contant',
      'Pinbetaling · PIN',
      'iDEAL',
      'Op rekening',
      "↻ Read MplusKASSA's lists again",
    ]);
    await expect(payment.getByRole('combobox', { name: 'To 1' }).locator('option:checked')).toHaveText(
      'Cash',
    );
    const shipping = page.getByTestId('shippingMethods-row-0');
    await expect(shipping.getByRole('combobox', { name: 'From 1' }).locator('option:checked')).toHaveText(
      'Afhalen in de winkel · AFHALEN',
    );
    await expect(shipping.getByRole('textbox', { name: 'To 1' })).toHaveValue('Afhalen');
    // Its five fields do not fit side by side in the inspector: each rule is a card, a field a
    // line, with the field's name shown (in a row of columns they were ~50 px wide each).
    await expect(shipping.getByText('Line price excl. VAT', { exact: true })).toBeVisible();
    const fromBox = await shipping.getByRole('combobox', { name: 'From 1' }).boundingBox();
    const priceBox = await shipping.getByLabel('Line price excl. VAT 1').boundingBox();
    expect(fromBox && priceBox && priceBox.y > fromBox.y && priceBox.width > 200).toBe(true);
    // The invoice's payment term reads as words, not as its stored value ("cash").
    await expect(
      inspector(page).getByRole('combobox', { name: 'Kind' }).first().locator('option'),
    ).toContainText(['Cash', 'Days after the invoice date', 'Days after the end of the month']);
    // The till's PIN becomes cash in Teamleader, picked from its list.
    await page
      .getByTestId('paymentMethods-row-1')
      .getByRole('combobox', { name: 'To 2' })
      .selectOption({ label: 'Cash' });
    await editor.save();
    const paymentMethods = (await savedConfig(api, flow.id, 'rules')).paymentMethods;
    expect(paymentMethods).toContainEqual({ from: 'PIN', to: 'cash' });
    await page.getByTestId('paymentMethods-row-1').scrollIntoViewIfNeeded();
    await editor.shot('editor-payment-methods');

    // The invoice's department is picked from Teamleader's active departments.
    await editor.select('teamleader.target.sales');
    const department = inspector(page).getByRole('combobox', { name: 'Company entity (department)' });
    await expect(department).toHaveAttribute('data-choices', 'teamleader.departments');
    await expect(department.locator('option:checked')).toHaveText('Koppel Demo BV');

    // The till's branches to read: several, ticked from its list (none ticked reads all).
    await editor.select('mplus.source.sales');
    const branches = inspector(page).locator('[data-field="branches"]');
    await expect(branches.getByRole('checkbox')).toHaveCount(2);
    await branches.getByRole('checkbox', { name: 'Utrecht Oudegracht · 2' }).check();
    await editor.shot('editor-mplus-source-branches');
    await editor.save();
    expect((await savedConfig(api, flow.id, 'orders')).branches).toEqual([2]);
    api.close();
  });

  test("towards MplusKASSA: the till's VAT codes, employees and branches", async ({ page, host }) => {
    const api = await TestApi.connect(host);
    const { flow, editor } = await EditorPage.openTemplate(page, host, api, 'orders-teamleader-to-mplus');

    await editor.select('rules.transform.tax');
    // Codes with their rates; Teamleader's 12 % goes to the till's code 2, which is 21 %.
    await expect(targetTax(page, 0).locator('option')).toHaveText([
      '9 % · 1',
      '21 % · 2',
      '0 % · 3',
      "↻ Read MplusKASSA's lists again",
    ]);
    await expect(targetTax(page, 1).locator('option:checked')).toHaveText('21 % · 2');
    await expect(page.getByTestId('taxRules-row-1-note')).toHaveText('⚠ 12 % becomes 21 % in MplusKASSA');
    await expect(page.getByTestId('taxRules-row-0-note')).toHaveCount(0);

    await editor.select('mplus.target.sales');
    const employee = inspector(page).getByRole('combobox', { name: 'Employee number' });
    await expect(employee.locator('option:checked')).toHaveText('API gebruiker · 999999');
    const branch = inspector(page).getByRole('combobox', { name: 'Branch' });
    // A field with a default always has a value: no empty choice.
    await expect(branch.locator('option')).toHaveText([
      'Amsterdam Centrum · 1',
      'Utrecht Oudegracht · 2',
      "↻ Read MplusKASSA's lists again",
    ]);
    await editor.shot('editor-mplus-target-choices');
    // Read again (an employee added at the till since): the till is asked once more, and the
    // field keeps its value.
    const employeeReads = async () => (await twinCalls(sandboxUrls(host).mplusAdmin)).getEmployees ?? 0;
    const readsBefore = await employeeReads();
    await employee.selectOption({ label: "↻ Read MplusKASSA's lists again" });
    await expect.poll(employeeReads).toBe(readsBefore + 1);
    await expect(employee.locator('option:checked')).toHaveText('API gebruiker · 999999');
    await branch.selectOption({ label: 'Utrecht Oudegracht · 2' });
    await editor.save();
    expect((await savedConfig(api, flow.id, 'order')).branchNumber).toBe(2);
    api.close();
  });

  test("a status map offers the source's statuses and Koppel's; a word typed before stays, marked", async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    const created = await api.call('flows.create', { templateId: 'order-status-teamleader-to-mplus' });
    // A map typed before the pickers, with a word Koppel does not know ("Paid" pays nothing).
    const nodes = created.flow.nodes.map((node) =>
      node.kind === 'rules.transform.status'
        ? {
            ...node,
            config: {
              ...node.config,
              statusMap: [
                { from: 'outstanding', to: 'open' },
                { from: 'matched', to: 'Paid' },
              ],
            },
          }
        : node,
    );
    const flow: FlowDocument = (await api.call('flows.save', { flow: { ...created.flow, nodes } })).flow;
    const statusNode = flow.nodes.find((node) => node.kind === 'rules.transform.status')?.id ?? '';
    await openApp(page, host, `/flows/${flow.id}`);
    const editor = new EditorPage(page);

    await editor.select('rules.transform.status');
    const row = (index: number) => page.getByTestId(`statusMap-row-${index}`);
    await expect(row(0).getByRole('combobox', { name: 'From 1' }).locator('option')).toHaveText([
      'draft',
      'outstanding',
      'matched',
      'open',
      'accepted',
      'expired',
      'rejected',
      'closed',
      'won',
      'lost',
    ]);
    await expect(row(0).getByRole('combobox', { name: 'To 1' }).locator('option')).toHaveText([
      'draft',
      'open',
      'paid',
      'cancelled',
    ]);
    const paid = row(1).getByRole('combobox', { name: 'To 2' });
    await expect(paid.locator('option:checked')).toHaveText("Paid (not in Koppel's list)");
    // The column is narrow: the whole of it is the picker's title.
    await expect(paid).toHaveAttribute('title', "Paid (not in Koppel's list)");
    await editor.shot('editor-status-map');
    await paid.selectOption({ label: 'paid' });
    await editor.save();
    expect((await savedConfig(api, flow.id, statusNode)).statusMap).toEqual([
      { from: 'outstanding', to: 'open' },
      { from: 'matched', to: 'paid' },
    ]);
    api.close();
  });

  test('a list the system will not give: only the fields that pick from it are typed', async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    // An integration without the scope for tax rates: Teamleader refuses that list only.
    const admin = sandboxUrls(host).teamleaderAdmin;
    await setFaults(admin, { errorRate: 1, statuses: [403], operations: ['taxRates.list'] });
    const { editor } = await EditorPage.openTemplate(page, host, api, 'orders-mplus-to-teamleader');

    await editor.select('rules.transform.tax');
    const trouble = inspector(page).getByTestId('choices-trouble-teamleader');
    await expect(trouble).toHaveText(
      /^Teamleader's tax rates could not be read \(Teamleader taxRates\.list 403: .+\); its other lists were\. Until they can/,
    );
    // The rate is typed; the revenue account still picks from Teamleader's categories.
    await expect(inspector(page).getByRole('spinbutton', { name: 'Target tax 1', exact: true })).toHaveValue(
      '21',
    );
    await expect(
      page.getByTestId('revenueRules-row-0').getByRole('combobox').last().locator('option:checked'),
    ).not.toHaveText('');
    await editor.shot('editor-choices-one-list-unread');

    // The target's department is picked from Teamleader's list, with nothing to say.
    await editor.select('teamleader.target.sales');
    await expect(inspector(page).getByTestId('choices-trouble-teamleader')).toHaveCount(0);
    await expect(
      inspector(page)
        .getByRole('combobox', { name: 'Company entity (department)' })
        .locator('option:checked'),
    ).toHaveText('Koppel Demo BV');
    await setFaults(admin, {});
    api.close();
  });

  test('a list that cannot be read leaves the plain input, and says why', async ({ page, host }) => {
    const api = await TestApi.connect(host);
    const created = await api.call('flows.create', { templateId: 'orders-teamleader-to-mplus' });
    const nodes = created.flow.nodes.map((node) =>
      node.id === 'order' ? { ...node, config: { ...node.config, connectionId: 'shop-2' } } : node,
    );
    const flow: FlowDocument = (await api.call('flows.save', { flow: { ...created.flow, nodes } })).flow;
    await openApp(page, host, `/flows/${flow.id}`);
    const editor = new EditorPage(page);

    await editor.select('mplus.target.sales');
    // Why, once above the settings, with one button; each picker only says to type its value.
    const trouble = inspector(page).getByTestId('choices-trouble-mplus');
    await expect(trouble).toHaveCount(1);
    await expect(trouble).toContainText(
      /^MplusKASSA's lists could not be read \(.*shop-2.*\)\. Until they can/,
    );
    for (const field of ['employeeNumber', 'branchNumber']) {
      await expect(inspector(page).getByTestId(`choices-${field}`)).toHaveText(
        "MplusKASSA's list could not be read: type the value.",
      );
    }
    await expect(inspector(page).getByRole('button', { name: "Read MplusKASSA's lists again" })).toHaveCount(
      1,
    );
    const employee = inspector(page).getByRole('spinbutton', { name: 'Employee number' });
    await expect(employee).toHaveValue('999999');
    await editor.shot('editor-choices-unreadable');
    await employee.fill('4');
    // Asked again, the gone connection still cannot be read, and says so.
    await trouble.getByRole('button', { name: "Read MplusKASSA's lists again" }).click();
    await expect(trouble).toContainText('shop-2');
    // Back to the default connection: the till's list is read through it, the typed 4 is kept.
    await inspector(page).getByRole('combobox', { name: 'Connection', exact: true }).selectOption('');
    await expect(trouble).toHaveCount(0);
    const picker = inspector(page).getByRole('combobox', { name: 'Employee number' });
    await expect(picker.locator('option:checked')).toHaveText('Willem Claes · 4');
    await editor.save();
    expect((await savedConfig(api, flow.id, 'order')).employeeNumber).toBe(4);
    api.close();
  });
});

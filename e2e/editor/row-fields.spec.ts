import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { TestApi } from '../runs/api-client';

test.use({ viewport: { width: 1440, height: 900 } });

const inspector = (page: Page) => page.getByTestId('node-inspector');

test.describe('the inspector asks only for what a row needs', () => {
  test("a condition: the field path on a line of its own, no value for 'is empty'; a cash term has no days", async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    const { flow, editor } = await EditorPage.openTemplate(page, host, api, 'orders-mplus-to-teamleader');

    await editor.addByDrag('core.transform.filter', { x: 400, y: 520 });
    await editor.select('core.transform.filter');
    await inspector(page).getByRole('button', { name: 'Add a row' }).click();
    const row = page.getByTestId('conditions-row-0');
    const operator = row.getByRole('combobox', { name: 'Operator 1' });
    // A condition is a card: the path and the operator each get the inspector's width (side by
    // side in three columns they were ~85 px, "matches the pattern" cut to "matche").
    await row.getByRole('combobox', { name: 'Field 1' }).fill('customer.email');
    await operator.selectOption({ label: 'matches the pattern' });
    for (const name of ['Field 1', 'Operator 1']) {
      const box = await row.getByRole('combobox', { name }).boundingBox();
      expect(box?.width ?? 0, name).toBeGreaterThan(240);
    }
    // Its card is named for what it is.
    await expect(row.locator('.ed-row-card-head')).toContainText('Condition 1');
    const value = row.getByRole('textbox', { name: 'Value 1' });
    await expect(value).toBeVisible();
    await expect(row).toContainText('"matches the pattern" needs a value.');
    await value.fill('@example\\.com$');
    await expect(row).not.toContainText('needs a value');

    // "is empty" takes no value: none is asked for, and none is missing.
    await operator.selectOption({ label: 'is empty' });
    await expect(value).toHaveCount(0);
    await expect(row.getByText('Value', { exact: true })).toHaveCount(0);
    await editor.shot('editor-condition-card');
    // Back to a pattern: what was typed is still there.
    await operator.selectOption({ label: 'matches the pattern' });
    await expect(value).toHaveValue('@example\\.com$');
    await editor.save();
    const saved = (await api.call('flows.get', { id: flow.id })).flow.nodes.find(
      (node) => node.kind === 'core.transform.filter',
    );
    expect(saved?.config.conditions).toEqual([
      { path: 'customer.email', operator: 'matches', value: '@example\\.com$' },
    ]);

    // A validation rule asks for its value only where the rule reads one.
    await editor.addByDrag('core.transform.validate', { x: 700, y: 520 });
    await editor.select('core.transform.validate');
    await inspector(page).getByRole('button', { name: 'Add a row' }).click();
    const rule = page.getByTestId('rules-row-0');
    await expect(rule.getByRole('combobox', { name: 'Rule 1' }).locator('option:checked')).toHaveText(
      'Required',
    );
    await expect(rule.getByLabel('Value 1')).toHaveCount(0);
    await expect(rule.locator('.ed-row-card-head')).toContainText('Rule 1');
    await rule
      .getByRole('combobox', { name: 'Rule 1' })
      .selectOption({ label: 'At most (value) characters' });
    await expect(rule.getByLabel('Value 1')).toBeVisible();

    // The invoice's payment term: days only for a term counted in days.
    await editor.select('rules.transform.order');
    const term = inspector(page).locator('[data-field="paymentTerm"]');
    const kind = term.getByRole('combobox', { name: 'Kind' });
    await kind.selectOption({ label: 'Cash' });
    await expect(term.getByLabel('Days')).toHaveCount(0);
    await kind.selectOption({ label: 'Days after the invoice date' });
    await expect(term.getByLabel('Days')).toBeVisible();

    // A term per payment method is a card named for itself, not "Payment method 1" under the
    // payment method table.
    // (The template has one, for invoices "on account".)
    const termRules = inspector(page).locator('[data-field="paymentTerms"]');
    const before = await termRules.locator('.ed-row-card').count();
    await termRules.getByRole('button', { name: 'Add a row' }).click();
    const termRule = page.getByTestId(`paymentTerms-row-${before}`);
    await expect(termRule.locator('.ed-row-card-head')).toHaveText(`Term rule ${before + 1}`);
    await termRule.scrollIntoViewIfNeeded();
    await editor.shot('editor-term-rule-card');
    api.close();
  });
});

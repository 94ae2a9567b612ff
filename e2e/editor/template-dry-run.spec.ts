import { expect, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { FlowsPage } from '../pages/flows-page';

// A common laptop screen: the editor needs room for palette, canvas and inspector.
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('template, dry run and try it', () => {
  test('a flow from a template: the dry run shows per target what would happen; one node tried on a sample', async ({
    page,
    host,
  }) => {
    test.setTimeout(90_000);
    const flows = new FlowsPage(page);
    const editor = new EditorPage(page);
    await flows.open(host);
    await page.getByTestId('new-flow').click();
    await expect(page.getByTestId('template-orders-mplus-to-teamleader')).toBeVisible();
    await flows.shot('flows-new-dialog');
    await page.getByTestId('new-flow-dialog').getByRole('button', { name: 'Cancel' }).click();
    await flows.create('Orders from the template', 'orders-mplus-to-teamleader');
    await expect(editor.nodes).toHaveCount(9);
    await expect(page.getByTestId('bottom-tab-problems')).toContainText('(0 · 0)');

    // Dry run: real records from the sandbox, nothing written, per target what would happen.
    await page.getByTestId('dry-run').click();
    const invoices = page.getByTestId('dry-run-target-invoice');
    await expect(invoices).toBeVisible({ timeout: 60_000 });
    await expect(invoices.getByTestId('dry-create')).toContainText(/would create [1-9]/);
    // The sandbox's Teamleader has Belgian rates: the panel says the till's 9 % would go as 6 %.
    await expect(page.getByTestId('dry-run-warnings')).toContainText('Worth a look:');
    await expect(page.getByTestId('dry-run-warnings')).toContainText(
      '9 % VAT at the source, 6 % in Teamleader',
    );
    await editor.shot('editor-dry-run');

    // Try one node: the target shows the request it would send, without sending it.
    await editor.select('teamleader.target.sales');
    await page.getByRole('tab', { name: 'Try it' }).click();
    await page.getByTestId('try-node-run').click();
    await expect(page.getByTestId('try-node-result')).toContainText('Would create this record (not sent)', {
      timeout: 30_000,
    });
    await editor.shot('editor-try-node');
  });
});

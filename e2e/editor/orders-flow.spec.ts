import { expect, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { FlowsPage } from '../pages/flows-page';

// A common laptop screen: the editor needs room for palette, canvas and inspector.
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('building the orders flow', () => {
  test('from an empty canvas: drag the nodes, connect, map e-mail and SKU by drag and drop, save, reload, run', async ({
    page,
    host,
  }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const flows = new FlowsPage(page);
    const editor = new EditorPage(page);
    await flows.open(host);
    await expect(page.getByTestId('flows-empty')).toBeVisible();
    await flows.shot('flows-empty');
    await flows.create('POS orders to Teamleader');
    // A new user is told what to do next.
    await expect(page.getByTestId('canvas-hint')).toContainText('drag a source');
    // In the editor the app's navigation keeps its icons only, and still says where each leads.
    const runsLink = page.getByRole('link', { name: 'Runs' });
    await expect(runsLink).toHaveAttribute('title', 'Runs');
    expect((await page.locator('nav.sidebar').boundingBox())?.width).toBeLessThanOrEqual(64);
    await editor.shot('editor-new-flow');

    // The orders flow: POS orders → resolve the customer → ensure the products → map → invoice.
    const chain = [
      'core.trigger.manual',
      'mplus.source.sales',
      'teamleader.step.resolveCustomer',
      'teamleader.step.ensureProducts',
      'core.transform.map',
      'teamleader.target.sales',
    ];
    for (const [index, kind] of chain.slice(1).entries()) {
      await editor.addByDrag(kind, { x: 60 + (index % 2) * 200, y: 40 + index * 90 });
    }
    await editor.tidy();
    const trigger = editor.node('core.trigger.manual');
    let beforeLast: { y: number } | null = null;
    for (let index = 1; index < chain.length; index++) {
      if (index === chain.length - 1) beforeLast = await trigger.boundingBox();
      await editor.connect(chain[index - 1] ?? '', chain[index] ?? '');
      await expect(editor.edges).toHaveCount(index);
    }
    // The last connection completes the flow: the hint strip above the canvas goes, and the
    // nodes stay where they were on screen (the canvas grows, the view moves with it).
    await expect(page.getByTestId('canvas-hint')).toHaveCount(0);
    const afterLast = await trigger.boundingBox();
    expect(Math.abs((afterLast?.y ?? Number.NaN) - (beforeLast?.y ?? Number.NaN))).toBeLessThanOrEqual(1);
    await editor.tidy();
    await editor.shot('editor-orders-flow');
    await editor.zoomToFit();

    // The field mapper reads a real POS order from the sandbox's MplusKASSA through the source.
    await editor.select('core.transform.map');
    await expect(page.getByTestId('field-mapper')).toBeVisible();
    await expect(page.getByTestId('sample-bar')).toContainText('Sample read from the connection', {
      timeout: 30_000,
    });
    const email = editor.sourceField('customer.email');
    await expect(email).toBeVisible();
    await expect(editor.targetField('number')).toHaveClass(/missing/);
    await editor.mapByDrag('customer.email', 'customer.email');
    await editor.mapByDrag('lines.0.sku', 'lines.0.sku');
    await expect(page.getByTestId('mapping-lines').locator('path')).toHaveCount(2);
    await page.getByTestId('field-mapper').scrollIntoViewIfNeeded();
    await editor.shot('editor-field-mapper');
    // Pass the rest of the order through unchanged, so the target gets a whole sales order.
    await page.getByRole('switch', { name: 'Keep other fields' }).check();
    await expect(editor.targetField('number')).not.toHaveClass(/missing/);
    const sampleEmail = (await email.getAttribute('aria-label'))?.split(': ')[1]?.split('.')[0] ?? '';
    await expect(page.getByTestId('mapping-preview-output')).toContainText('"email"');

    await editor.save();
    const mapped = await page.getByTestId('target-field-customer.email').getAttribute('aria-label');
    await page.reload();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
    await expect(editor.nodes).toHaveCount(6);
    await expect(editor.edges).toHaveCount(5);
    await expect(page.getByTestId('save-state')).toContainText('Saved');
    await editor.zoomToFit();
    await editor.select('core.transform.map');
    await expect(editor.targetField('customer.email')).toHaveAttribute('aria-label', mapped ?? '');
    await expect(editor.targetField('lines.0.sku')).toHaveAttribute('data-mapped', 'true');
    await expect(page.getByRole('switch', { name: 'Keep other fields' })).toBeChecked();

    // Run it: the run log region shows the run and its records, the canvas the counts per node.
    await page.getByTestId('run').click();
    const log = page.getByTestId('run-log-slot');
    await expect(log).toHaveAttribute('data-run-status', /succeeded|failed/, { timeout: 60_000 });
    // Every order read is a record of the run, each succeeded or failed with its reason.
    await expect(page.getByTestId('run-counts')).toContainText(
      /[1-9]\d* records?: \d+ succeeded, \d+ skipped, \d+ failed/,
    );
    await expect(editor.node('mplus.source.sales').getByTestId('node-counts')).toContainText(/✓ [1-9]/);
    await expect(editor.node('teamleader.target.sales').getByTestId('node-counts')).toBeVisible();
    await editor.deselect();
    await editor.zoomToFit();
    await editor.shot('editor-after-run');
    expect(sampleEmail).toContain('@');
    expect(errors).toEqual([]);
  });
});

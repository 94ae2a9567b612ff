import type { FlowDocument } from '../../shared/flow/flow-document';
import { expect, openApp, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { TestApi } from '../runs/api-client';

test.use({ viewport: { width: 1440, height: 900 } });

test('a flow naming a connection that is gone: the dashboard and the node say so, and Run waits until it is chosen again', async ({
  page,
  host,
}) => {
  test.setTimeout(60_000);
  const api = await TestApi.connect(host);
  let flow: FlowDocument;
  try {
    const created = await api.call('flows.create', { templateId: 'orders-mplus-to-teamleader' });
    const nodes = created.flow.nodes.map((node) =>
      node.id === 'orders' ? { ...node, config: { ...node.config, connectionId: 'shop-2' } } : node,
    );
    // On its schedule: the scheduler will not start it while it cannot run.
    flow = (await api.call('flows.save', { flow: { ...created.flow, nodes, enabled: true } })).flow;
  } finally {
    api.close();
  }
  const editor = new EditorPage(page);
  // The flows list counts the problem main finds.
  await openApp(page, host, '/flows');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: flow.name, exact: true }) });
  await expect(row).toContainText('1 problem');
  await expect(row).toContainText('None until its problem is fixed');
  // The dashboard says why no run will come, and leads to the flow.
  await openApp(page, host, '/dashboard');
  const nextRun = page.locator(`[data-flow-id="${flow.id}"]`).getByTestId('flow-next-run');
  await expect(nextRun).toHaveText('None until its problem is fixed');
  await expect(page.getByTestId('health-blocked')).toHaveText(
    '1 scheduled flow cannot run until its problems are fixed: POS orders → Teamleader invoices',
  );
  // Said once: no "no flow has run yet" (or "failing") beside it.
  await expect(page.getByTestId('health-line')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/dashboard-flow-blocked.png' });
  await nextRun.getByRole('link').click();
  await expect(page.getByTestId('screen-flow-editor')).toBeVisible();
  const source = editor.node('mplus.source.sales');
  await expect(source).toContainText('1 problem');
  await page.getByTestId('bottom-tab-problems').click();
  await expect(page.getByTestId('problem').filter({ hasText: 'shop-2' })).toContainText(
    'there is no connection "shop-2" (known: sandbox-teamleader, sandbox-mplus).',
  );
  await page.getByTestId('run').click();
  await expect(page.getByText('Fix the 1 problem first (see Problems below).')).toBeVisible();
  // The panel below stays on the problems the notice points to.
  await expect(page.getByTestId('bottom-tab-problems')).toHaveAttribute('aria-selected', 'true');

  // Back to the default connection: the problem goes, and the flow runs.
  await editor.select('mplus.source.sales');
  await editor.shot('editor-connection-gone');
  await page
    .getByTestId('node-inspector')
    .getByRole('combobox', { name: 'Connection', exact: true })
    .selectOption('');
  await expect(source).not.toContainText('problem');
  await expect(page.getByTestId('bottom-tab-problems')).toContainText('(0 · 0)');
});

import { expect, openApp, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { RunPage } from './runs-pages';
import { eventSeen, finished, ordersScene, setFaults } from './scene';

test.describe('a cancelled run', () => {
  test('shows the records the cancel stopped apart from failures, and retries them', async ({
    page,
    host,
  }) => {
    const { api, flow, teamleaderAdmin } = await ordersScene(host);
    // Invoices take three seconds each: some are still being written when the run is cancelled.
    await setFaults(teamleaderAdmin, { operationLatencyMs: { 'invoices.draft': 3000 } });
    const { runId } = await api.call('runs.start', { flowId: flow.id, limit: 8 });
    await eventSeen(api, runId, (event) => event.type === 'itemSucceeded', 20_000);
    await api.call('runs.cancel', { runId });
    const stored = await finished(api, runId);
    await setFaults(teamleaderAdmin, {});
    expect(stored.status).toBe('cancelled');
    const stopped = stored.counts.failed;
    expect(stopped).toBeGreaterThan(0);
    expect(stored.stopped).toBe(stopped);

    await openApp(page, host, `/runs/${runId}`);
    const run = new RunPage(page);
    await expect(run.screen).toHaveAttribute('data-run-status', 'cancelled');
    // Not failures: no red count, the stopped ones in the cancel's colour, and said so.
    await expect(run.count('stopped')).toHaveText(`⊘ ${stopped}`);
    await expect(run.count('failed')).toHaveCount(0);
    await expect(page.getByTestId('run-counts')).toHaveAttribute(
      'aria-label',
      `${stored.counts.succeeded} succeeded, 0 skipped, 0 failed, ${stopped} stopped by the cancel`,
    );
    const invoiceNode = page.locator('[data-testid="node-counts"] li[data-node-id="invoice"]');
    await expect(invoiceNode).toContainText(`⊘ ${stopped}`);
    await expect(invoiceNode).not.toContainText('✗');
    await expect(invoiceNode).toHaveClass(/rn-pipeline-stopped/);
    await expect(page.locator('[data-testid="node-counts"] li.rn-pipeline-failed')).toHaveCount(0);
    await run.showRecords();
    await expect(page.locator('[data-testid="record-row"][data-status="failed"]')).toHaveCount(stopped);
    await expect(page.getByTestId('run-retry-failed')).toHaveText(`Retry ${stopped} stopped`);
    await run.shot('run-cancelled');

    // The run history says the same.
    await openApp(page, host, '/runs');
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect(row.locator('[data-count="stopped"]')).toHaveText(`⊘ ${stopped}`);
    await expect(row.locator('[data-count="failed"]')).toHaveCount(0);
    await run.shot('runs-history-cancelled');

    // So does the flow's canvas, whose badges show its last run.
    await openApp(page, host, `/flows/${flow.id}`);
    const editor = new EditorPage(page);
    const invoiceBadge = editor.node('teamleader.target.sales').getByTestId('node-counts');
    await expect(invoiceBadge).toHaveText(`✓ ${stored.counts.succeeded}⊘ ${stopped}`);
    await expect(invoiceBadge).toHaveAttribute(
      'aria-label',
      `Last run: ${stored.counts.succeeded} passed, 0 skipped, 0 failed, ${stopped} stopped by the cancel`,
    );
    // Pan the canvas to the end of the flow, where the invoice node is.
    for (let drag = 0; drag < 2; drag++) {
      await page.mouse.move(880, 560);
      await page.mouse.down();
      await page.mouse.move(330, 560, { steps: 8 });
      await page.mouse.up();
    }
    await run.shot('editor-cancelled-run');

    // Retried, they are written; nothing is left stopped.
    await openApp(page, host, `/runs/${runId}`);
    await page.getByTestId('run-retry-failed').click();
    await expect(page.getByTestId('run-action-message')).toContainText(
      `Retried ${stopped} records: ${stopped} succeeded, 0 failed.`,
    );
    await expect(run.count('stopped')).toHaveCount(0);
    await expect(run.count('failed')).toHaveText('✗ 0');
    await expect(run.count('succeeded')).toHaveText(`✓ ${stored.counts.succeeded + stopped}`);
  });
});

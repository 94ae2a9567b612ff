import { expect, openApp, test } from '../fixtures/test';
import { RunPage } from './runs-pages';
import { finished, ordersScene, setFaults } from './scene';

test.describe('a later run', () => {
  test('records that failed on a network fault and went through in the next run no longer read failing', async ({
    page,
    host,
  }) => {
    const { api, flow, teamleaderAdmin } = await ordersScene(host);
    // Teamleader is down for invoices (503: transient, so the next run reads these orders again).
    await setFaults(teamleaderAdmin, { errorRate: 1, statuses: [503], operations: ['invoices.draft'] });
    const first = await api.call('runs.start', { flowId: flow.id, limit: 4 });
    const failedRun = await finished(api, first.runId);
    expect(failedRun.counts).toMatchObject({ total: 4, failed: 4 });

    // Back up: the next run (as the schedule would start it) writes the same four orders.
    await setFaults(teamleaderAdmin, {});
    const next = await api.call('runs.start', { flowId: flow.id, limit: 4 });
    expect((await finished(api, next.runId)).counts).toMatchObject({ total: 4, succeeded: 4, failed: 0 });

    // The first run keeps its status as it ran, but nothing in it is left to retry.
    await openApp(page, host, `/runs/${first.runId}`);
    const run = new RunPage(page);
    await expect(run.screen).toHaveAttribute('data-run-status', 'failed');
    await expect(run.count('failed')).toHaveText(/✗ 0/);
    await expect(run.count('succeeded')).toContainText('4');
    await expect(page.getByText('Fixed by a retry', { exact: true })).toBeVisible();
    // Its "Failed" is history now, no longer an alarm: grey, not red.
    const status = run.screen.locator('.rn-status[data-status="failed"]');
    await expect(status).toHaveClass(/badge-muted/);
    await expect(status).not.toHaveClass(/badge-danger/);
    // The invoice node's failures stay as the run went, marked as completed since.
    const invoiceNode = page.locator('[data-testid="node-counts"] li').filter({ hasText: '✗' });
    await expect(invoiceNode.getByTestId('node-retry-note')).toHaveText('fixed by a retry');
    await expect(invoiceNode).not.toHaveClass(/rn-pipeline-failed/);
    await run.showRecords();
    await expect(page.locator('[data-testid="record-row"][data-status="succeeded"]')).toHaveCount(4);
    await expect(page.locator('[data-testid="record-row"][data-status="failed"]')).toHaveCount(0);
    await expect(page.getByTestId('run-retry-failed')).toHaveCount(0);
    await run.shot('run-settled-by-later-run');
    // Each record links to the run that wrote it.
    const retriedIn = page.getByTestId('retried-in').first();
    await expect(retriedIn).toHaveText('Retried in a later run');
    await retriedIn.click();
    await expect(page).toHaveURL(new RegExp(`#/runs/${next.runId}$`));
    await expect(run.count('succeeded')).toContainText('4');
    // There each record's result says what it made in Teamleader: the invoice's id.
    await run.showRecords();
    const written = page.locator('[data-testid="record-row"][data-status="succeeded"]');
    await expect(written).toHaveCount(4);
    await expect(written.first()).toContainText(/Created: [0-9a-f-]{36}/);
  });
});

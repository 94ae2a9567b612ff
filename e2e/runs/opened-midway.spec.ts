import { expect, openApp, test } from '../fixtures/test';
import { RunPage } from './runs-pages';
import { eventSeen, finished, ordersScene, setFaults } from './scene';

test.describe('a run opened while it runs', () => {
  test('shows the counts its nodes reported before the page opened, not only those after', async ({
    page,
    host,
  }) => {
    const { api, flow, teamleaderAdmin } = await ordersScene(host);
    // Teamleader takes its time over invoices: the run is still writing when the page opens.
    await setFaults(teamleaderAdmin, { operationLatencyMs: { 'invoices.draft': 6000 } });
    const { runId } = await api.call('runs.start', { flowId: flow.id, limit: 4 });
    // The source has read its four orders and said so before anyone looked.
    await eventSeen(
      api,
      runId,
      (event) => event.type === 'nodeProgress' && event.nodeId === 'orders' && event.passed === 4,
    );

    await openApp(page, host, `/runs/${runId}`);
    const run = new RunPage(page);
    await expect(run.screen).toHaveAttribute('data-run-status', 'running');
    await expect(page.locator('[data-testid="node-counts"] li[data-node-id="orders"]')).toContainText('✓ 4');
    // Seen while it ran, not from the end of the run.
    expect((await api.call('runs.get', { runId })).run.status).toBe('running');
    await run.shot('run-opened-midway');

    await setFaults(teamleaderAdmin, {});
    await finished(api, runId);
    await expect(run.screen).toHaveAttribute('data-run-status', 'succeeded');
    await expect(page.locator('[data-testid="node-counts"] li[data-node-id="orders"]')).toContainText('✓ 4');
  });
});

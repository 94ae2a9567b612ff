import { expect, openApp, test } from '../fixtures/test';
import { TestApi } from './api-client';
import { RunPage } from './runs-pages';
import { finished, ordersFlow, sandboxUrls, setFaults } from './scene';

test.describe('a run opened while it runs', () => {
  test('shows the counts its nodes reported before the page opened, not only those after', async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    const flow = await ordersFlow(api);
    const { teamleaderAdmin } = sandboxUrls(host);
    // Teamleader takes its time over invoices: the run is still writing when the page opens.
    await setFaults(teamleaderAdmin, { operationLatencyMs: { 'invoices.draft': 6000 } });
    const { runId } = await api.call('runs.start', { flowId: flow.id, limit: 4 });
    // The source has read its four orders and said so before anyone looked.
    await expect
      .poll(async () => {
        const { events } = await api.call('runs.events', { runId, afterSeq: 0, limit: 1000 });
        return events.some(
          (event) => event.type === 'nodeProgress' && event.nodeId === 'orders' && event.passed === 4,
        );
      })
      .toBe(true);

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

import path from 'node:path';
import { expect, openApp, test } from '../fixtures/test';
import { finished, ordersScene, shotsDir } from './scene';

test.use({ viewport: { width: 1440, height: 900 } });

test('the dashboard reports the runs of a flow deleted since, and says they are not a saved flow’s', async ({
  page,
  host,
}) => {
  const { api, flow } = await ordersScene(host);
  try {
    const { runId } = await api.call('runs.start', { flowId: flow.id, limit: 3 });
    await finished(api, runId);
    expect((await api.call('flows.delete', { id: flow.id })).deleted).toBe(true);
  } finally {
    api.close();
  }
  await openApp(page, host, '/dashboard');
  // Not "nothing to report": the three records are in the 30 days' figures.
  await expect(page.getByTestId('dashboard-empty')).toHaveCount(0);
  await expect(page.getByTestId('overall-chart').getByRole('img')).toHaveAttribute(
    'aria-label',
    /3 records synced and 0 failed/,
  );
  const line = page.getByTestId('health-line');
  await expect(line).toHaveAttribute('data-state', 'empty');
  await expect(line).toHaveText(
    'No saved flow has finished a run yet; the figures below are of other runs: templates run with “koppel run”, or flows deleted since.',
  );
  await page.screenshot({ path: path.join(shotsDir, 'dashboard-deleted-flow.png') });
});

import path from 'node:path';
import { enableWithKoppel, startKoppelRun } from '../fixtures/koppel-cli';
import { expect, openApp, test } from '../fixtures/test';
import { TestApi } from '../runs/api-client';
import { ordersScene, setFaults, shotsDir as screensDir } from '../runs/scene';

test.describe('flows changed elsewhere', () => {
  test('the flows list and the dashboard follow saves and deletes made elsewhere', async ({ page, host }) => {
    const api = await TestApi.connect(host);
    await openApp(page, host, '/flows');
    const { flow } = await api.call('flows.create', { name: 'Made elsewhere' });
    const row = page.getByTestId(`flow-row-${flow.id}`);
    await expect(row).toContainText('Made elsewhere');
    expect(await enableWithKoppel(flow.id, host.dataDir)).toContain('Enabled "Made elsewhere"');
    await expect(row.getByRole('switch')).toBeChecked();
    await api.call('flows.delete', { id: flow.id });
    await expect(row).toBeHidden();

    // The dashboard reports flows on a schedule: one switched on elsewhere shows, renamed, then gone.
    await openApp(page, host, '/dashboard');
    const dashboard = page.getByTestId('screen-dashboard');
    const { flow: second } = await api.call('flows.create', { name: 'On the dashboard' });
    await api.call('flows.save', {
      flow: { ...second, enabled: true, schedule: { kind: 'interval', everyMinutes: 1440 } },
    });
    await expect(dashboard).toContainText('On the dashboard');
    const scheduled = (await api.call('flows.get', { id: second.id })).flow;
    await api.call('flows.save', { flow: { ...scheduled, name: 'Renamed on the dashboard' } });
    await expect(dashboard).toContainText('Renamed on the dashboard');
    await api.call('flows.delete', { id: second.id });
    await expect(dashboard).not.toContainText('on the dashboard');
    api.close();
  });

  test('the flows list shows a run another process makes while it goes, then how it ended', async ({
    page,
    host,
  }) => {
    const { api, flow, teamleaderAdmin } = await ordersScene(host);
    await setFaults(teamleaderAdmin, { operationLatencyMs: { 'invoices.draft': 1500 } });
    await openApp(page, host, '/flows');
    const row = page.getByTestId(`flow-row-${flow.id}`);
    await expect(row).toContainText('Never');
    const koppel = startKoppelRun(flow.id, 3, host.dataDir);
    await expect(row).toContainText('Running', { timeout: 15_000 });
    await page.screenshot({ path: path.join(screensDir, 'flows-run-of-other-process.png') });
    await setFaults(teamleaderAdmin, {});
    expect(await koppel.exited).toBe(0);
    await expect(row).toContainText('Succeeded');
    await expect(row).toContainText('3 ok');
    api.close();
  });
});

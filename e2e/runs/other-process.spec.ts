import path from 'node:path';
import { startKoppelRun } from '../fixtures/koppel-cli';
import { expect, openApp, test } from '../fixtures/test';
import { RunPage } from './runs-pages';
import { ordersScene, setFaults, shotsDir } from './scene';

test.describe('a run another process makes', () => {
  test('`koppel run` in a terminal shows live in the open app: the history, then the run itself', async ({
    page,
    host,
  }) => {
    const { api, flow, teamleaderAdmin } = await ordersScene(host);
    // Teamleader takes its time over invoices: the run is still writing while the page looks.
    await setFaults(teamleaderAdmin, { operationLatencyMs: { 'invoices.draft': 1500 } });
    await openApp(page, host, '/runs');
    await expect(page.getByTestId('screen-runs')).toBeVisible();

    // A process of its own on the host's data folder.
    const koppel = startKoppelRun(flow.id, 4, host.dataDir);

    // Seen while it runs, without a reload: on top of the history, running.
    const row = page.getByTestId('run-row').first();
    await expect(row).toHaveAttribute('data-status', 'running', { timeout: 15_000 });
    const runId = (await row.getAttribute('data-run-id')) ?? '';
    await page.evaluate((id) => (window.location.hash = `/runs/${id}`), runId);
    const run = new RunPage(page);
    await expect(run.screen).toHaveAttribute('data-run-status', 'running');
    await page.screenshot({ path: path.join(shotsDir, 'run-of-other-process.png') });
    await setFaults(teamleaderAdmin, {});

    // Its end arrives as it happens, as a run of the app's own would.
    await expect(run.screen).toHaveAttribute('data-run-status', 'succeeded', { timeout: 30_000 });
    expect(await koppel.exited).toBe(0);
    expect(JSON.parse(koppel.output())).toMatchObject({ runId, status: 'succeeded' });
    expect((await api.call('runs.get', { runId })).run.counts.succeeded).toBe(4);
    api.close();
  });

  test('its Cancel here asks that process, and the run ends cancelled there', async ({ page, host }) => {
    const { api, flow, teamleaderAdmin } = await ordersScene(host);
    await setFaults(teamleaderAdmin, { operationLatencyMs: { 'invoices.draft': 3000 } });
    await openApp(page, host, '/runs');
    const koppel = startKoppelRun(flow.id, 6, host.dataDir);
    const row = page.getByTestId('run-row').first();
    await expect(row).toHaveAttribute('data-status', 'running', { timeout: 15_000 });
    const runId = (await row.getAttribute('data-run-id')) ?? '';
    await page.evaluate((id) => (window.location.hash = `/runs/${id}`), runId);
    const run = new RunPage(page);
    await expect(run.screen).toHaveAttribute('data-run-status', 'running');

    await page.getByTestId('run-cancel').click();
    await expect(page.getByTestId('run-action-message')).toHaveText(
      'Another Koppel process runs it (koppel run in a terminal, for example): it was asked to cancel and stops within a second or so.',
    );
    await expect(run.screen).toHaveAttribute('data-run-status', 'cancelled', { timeout: 20_000 });
    await page.screenshot({ path: path.join(shotsDir, 'run-of-other-process-cancelled.png') });
    await koppel.exited;
    expect(JSON.parse(koppel.output())).toMatchObject({ runId, status: 'cancelled' });
    const stored = (await api.call('runs.get', { runId })).run;
    expect(stored.status).toBe('cancelled');
    expect(stored.counts.succeeded).toBeLessThan(6);
    await setFaults(teamleaderAdmin, {});
    api.close();
  });
});

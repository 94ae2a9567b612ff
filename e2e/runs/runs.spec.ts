import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { RunPage } from './runs-pages';
import { finished, notificationRecorder, ordersFlow, ordersScene, setFaults, shotsDir } from './scene';

const shot = (name: string) => path.join(shotsDir, `${name}.png`);
/** The screen scrolls inside the window: a tall window shows all of it. */
async function tallShot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.screenshot({ path: shot(name) });
  if (size) await page.setViewportSize(size);
}
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });

test.describe('runs and monitoring', () => {
  test('a failing run shows its failures live, retry all fixes them, and the order is found by its number', async ({
    page,
    host,
  }) => {
    test.setTimeout(150_000);
    await page.addInitScript(notificationRecorder);
    const { api, flow, teamleaderAdmin } = await ordersScene(host);
    // Teamleader refuses every invoice (a permanent 422); answers come slowly enough to watch.
    await setFaults(teamleaderAdmin, {
      errorRate: 1,
      statuses: [422],
      operations: ['invoices.draft'],
      latencyMs: 120,
    });

    await openApp(page, host, '/runs');
    await expect(page.getByTestId('runs-empty')).toBeVisible();
    await page.screenshot({ path: shot('runs-empty') });

    const { runId } = await api.call('runs.start', { flowId: flow.id, limit: 6 });
    // The run appears in the history without a reload, and opens on its live log.
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect(row).toBeVisible();
    await row.getByRole('link', { name: flow.name }).click();
    const run = new RunPage(page);
    await expect(run.screen).toBeVisible();
    await run.showLog();
    const failures = run.logRows('itemFailed');
    await expect(failures.first()).toContainText('422');
    await expect(failures.first()).toHaveAttribute('data-level', 'error');
    await expect(run.screen).toHaveAttribute('data-run-status', 'failed');
    const stored = await finished(api, runId);
    expect(stored.counts.failed).toBeGreaterThan(0);
    await expect(run.count('failed')).toContainText(String(stored.counts.failed));
    await expect(failures).toHaveCount(stored.counts.failed);
    // Opened while it ran: once it ended, the invoice node's failures read as failing, not as fixed.
    const failingNode = page.locator('[data-testid="node-counts"] li').filter({ hasText: '✗' });
    await expect(failingNode).toHaveClass(/rn-pipeline-failed/);
    await expect(failingNode.getByTestId('node-retry-note')).toHaveCount(0);
    await run.shot('run-failed-log');

    // The log filters: failed rows only, then one record by its order number.
    await page.getByTestId('log-filter-status').selectOption('failed');
    await expect(run.logRows()).toHaveCount(stored.counts.failed);
    const { items } = await api.call('runs.items', { runId, limit: 10 });
    const orderNumber = items[0]?.businessKeys.orderNumber ?? '';
    expect(orderNumber).not.toBe('');
    await page.getByTestId('log-filter-status').selectOption('');
    await page.getByTestId('log-search').fill(orderNumber);
    await expect(run.logRows()).not.toHaveCount(0);
    for (const text of await run.logRows().allTextContents()) expect(text.length).toBeGreaterThan(0);
    await expect(run.logRows('itemStarted')).toContainText(orderNumber);
    await page.getByTestId('log-search').fill('');

    // The notifier told about the failure: in the window and through the browser.
    await expect(page.getByTestId('notification').first()).toHaveAttribute('data-kind', 'failed');
    await page.screenshot({ path: shot('notification-failed') });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('notification')).toHaveCount(0);
    const notices = await page.evaluate(() =>
      (window as unknown as { __notices: { title: string }[] }).__notices.map((notice) => notice.title),
    );
    expect(notices).toEqual([`${flow.name}: run failed`]);
    await nav(page, 'Dashboard').click();
    await page.evaluate(() =>
      (window as unknown as { __clickNotice: (index: number) => void }).__clickNotice(0),
    );
    await expect(page).toHaveURL(new RegExp(`#/runs/${runId}$`));

    // Teamleader accepts invoices again: retry every failed record; the counts follow without a reload.
    await setFaults(teamleaderAdmin, {});
    await run.showRecords();
    await expect(page.getByTestId('record-row').first()).toBeVisible();
    await run.shot('run-failed-records');
    // A narrow window: the navigation keeps its icons (named, with a tooltip) and the records get the width.
    await page.setViewportSize({ width: 960, height: 800 });
    // The frame narrows when React hears the media query change: wait for it.
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await expect.poll(async () => (await navigation.boundingBox())?.width).toBeLessThanOrEqual(64);
    await expect(nav(page, 'Runs')).toHaveAttribute('title', 'Runs');
    await expect(page.getByTestId('record-row').first().getByRole('link')).toBeVisible();
    await page.screenshot({ path: shot('run-failed-records-narrow') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(nav(page, 'Runs')).not.toHaveAttribute('title', 'Runs');

    // The failed records as a CSV file, in the table's words.
    await page.getByTestId('records-filter-failed').click();
    await expect(page.locator('[data-testid="record-row"][data-status="failed"]')).toHaveCount(
      stored.counts.failed,
    );
    await page.screenshot({ path: shot('run-records-export') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('records-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^POS orders → Teamleader invoices \d{4}-\d\d-\d\d \d\d\.\d\d failed\.csv$/,
    );
    const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Order number,E-mail,SKU,Record,Status,Node,Result,Attempts,Started,Finished');
    expect(lines).toHaveLength(stored.counts.failed + 1);
    expect(lines.find((line) => line.startsWith(`${orderNumber},`))).toMatch(
      /,Failed,Teamleader invoice,.*422/,
    );
    await page.getByTestId('records-filter-all').click();
    await page.getByTestId('run-retry-failed').click();
    await expect(page.getByTestId('run-action-message')).toBeVisible();
    await expect(run.count('failed')).toHaveText(/✗ 0/);
    await expect(run.count('succeeded')).toContainText(
      String(stored.counts.succeeded + stored.counts.failed),
    );
    await expect(page.locator('[data-testid="record-row"][data-status="failed"]')).toHaveCount(0);
    // The notice says how the retry ended, not that it is still going.
    await expect(page.getByTestId('run-action-message')).toContainText(
      `Retried ${stored.counts.failed} records: ${stored.counts.failed} succeeded, 0 failed.`,
    );
    // The records the retry settled link to the retry run, not to a raw run id in their reason.
    const retriedIn = page.getByTestId('retried-in').first();
    await expect(retriedIn).toHaveText('Retried in a later run');
    const retryHref = (await retriedIn.getAttribute('href')) ?? '';
    expect(retryHref).toMatch(/#\/runs\/[\w-]+$/);
    expect(retryHref).not.toContain(runId);
    // The invoice node's failures stay as the run went, marked as completed since.
    const invoiceNode = page.locator('[data-testid="node-counts"] li').filter({ hasText: '✗' });
    await expect(invoiceNode).toHaveCount(1);
    await expect(invoiceNode.getByTestId('node-retry-note')).toHaveText('fixed by a retry');
    await expect(invoiceNode).not.toHaveClass(/rn-pipeline-failed/);
    await run.shot('run-after-retry');
    // Opened again later (the notice is gone), the run says it was retried and links there.
    await page.reload();
    await expect(page.getByTestId('run-retried-by')).toHaveText('Retried in a later run: Open the latest');
    expect(await page.getByTestId('run-retried-by').getByRole('link').getAttribute('href')).toBe(retryHref);
    await expect(invoiceNode.getByTestId('node-retry-note')).toHaveText('fixed by a retry');
    await run.shot('run-retried-later');

    // "Which run handled this order?"
    await nav(page, 'Runs').click();
    // In the history the fixed run's badges stay on one line, each on one line, at 1000 px too.
    await page.setViewportSize({ width: 1000, height: 800 });
    const fixedRow = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    const fixed = await fixedRow.getByTestId('run-fixed').boundingBox();
    const failedBadge = await fixedRow.locator('.badge', { hasText: 'Failed' }).boundingBox();
    expect(fixed && failedBadge && Math.abs(fixed.y - failedBadge.y)).toBeLessThan(2);
    expect(fixed && failedBadge && Math.abs(fixed.height - failedBadge.height)).toBeLessThan(2);
    await page.screenshot({ path: shot('runs-history-fixed-1000') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('record-search-input').fill(orderNumber);
    await page.getByTestId('record-search-submit').click();
    const hit = page.locator(`[data-testid="search-result"][data-run-id="${runId}"]`);
    await expect(hit).toBeVisible();
    await page.screenshot({ path: shot('runs-search') });
    // Part of the number finds it too (not only its start).
    await page.getByTestId('record-search-input').fill(orderNumber.slice(2));
    await page.getByTestId('record-search-submit').click();
    await expect(page.getByTestId('record-search-results')).toContainText(`“${orderNumber.slice(2)}”`);
    await expect(hit).toBeVisible();
    await hit.getByRole('link', { name: new RegExp(orderNumber) }).click();

    // The record: what came in, what was sent, what Teamleader answered, and both attempts.
    const record = page.getByTestId('screen-record');
    await expect(record).toHaveAttribute('data-status', 'succeeded');
    await expect(record.getByRole('heading', { level: 1 })).toHaveText(orderNumber);
    await expect(page.getByTestId('attempt-row')).toHaveCount(2);
    await expect(page.getByTestId('attempt-row').first()).toHaveAttribute('data-status', 'failed');
    await expect(page.getByTestId('diff-left')).toBeVisible();
    await expect(page.getByTestId('diff-right')).toBeVisible();
    await tallShot(page, 'record-detail');

    // The dashboard shows today's figures as the API counts them.
    await nav(page, 'Dashboard').click();
    const stats = await api.call('runs.stats', { days: 30 });
    const today = stats.days.at(-1);
    expect(today).toBeDefined();
    const caption = page.getByTestId('overall-chart-today');
    await expect(caption).toContainText(`${today?.succeeded} synced`);
    await expect(caption).toContainText(`${today?.failed} failed`);
    await expect(page.locator('[data-testid="overall-chart"] .recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('health-line')).toBeVisible();
    // The flow's card judges it by the run the retry fixed: one badge beside its name, saying so
    // (the run failed: its tooltip says that; the run page shows both).
    const cardTitle = page.locator(`[data-testid="flow-card"][data-flow-id="${flow.id}"] .card-title`);
    await expect(cardTitle.locator('.badge')).toHaveCount(1);
    await expect(cardTitle.getByTestId('run-fixed')).toHaveText('Fixed by a retry');
    await expect(cardTitle.getByTestId('run-fixed')).toHaveAttribute(
      'title',
      'The run failed; retries have since fixed every record it failed.',
    );
    await page.screenshot({ path: shot('dashboard'), fullPage: true });

    // Dutch and dark.
    await api.call('settings.update', { language: 'nl', theme: 'dark' });
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByText('Laatste run').first()).toBeVisible();
    await expect(cardTitle.getByTestId('run-fixed')).toHaveText('Hersteld');
    await page.screenshot({ path: shot('dashboard-nl-dark'), fullPage: true });
    await page.goto(`${host.origin}/#/runs/${runId}`);
    await expect(run.screen).toBeVisible();
    await page.getByRole('tab', { name: 'Live log' }).click();
    await expect(run.logRows().first()).toBeVisible();
    // A node's warning about one record (the VAT a tax rule changes) names it by its order number.
    const warning = run.logRows().filter({ hasText: '9 % btw in de bron' }).first();
    await expect(warning).toHaveAttribute('data-level', 'warn');
    await expect(warning.getByRole('button', { name: /^O2026-\d+$/ })).toBeVisible();
    await run.shot('run-log-nl-dark');

    // Koppel's own errors read in the UI's language: an order whose country has no tax rule
    // (only Germany has one).
    const base = await ordersFlow(api);
    const untaxed = (
      await api.call('flows.save', {
        flow: {
          ...base,
          nodes: base.nodes.map((node) =>
            node.id === 'tax'
              ? { ...node, config: { ...node.config, taxRules: [{ country: 'DE', targetTax: 19 }] } }
              : node,
          ),
        },
      })
    ).flow;
    // The first orders are in Teamleader by now (skipped before the tax step): run past them.
    const broken = await api.call('runs.start', { flowId: untaxed.id, limit: 8 });
    expect((await finished(api, broken.runId)).counts.failed).toBeGreaterThan(0);
    const { items: untaxedItems } = await api.call('runs.items', {
      runId: broken.runId,
      status: 'failed',
      limit: 1,
    });
    const untaxedItem = untaxedItems[0];
    if (!untaxedItem) throw new Error('expected a failed record');
    expect(untaxedItem.error?.message).toMatch(/has no tax mapping/);
    await page.goto(`${host.origin}/#/runs/${broken.runId}/records/${untaxedItem.id}`);
    await expect(page.getByTestId('record-error')).toContainText('heeft geen btw-koppeling');
    await expect(page.getByTestId('record-error')).not.toContainText('has no tax mapping');
    // The flow was made from the template in Dutch: its nodes have Dutch names.
    await expect(page.getByTestId('record-error-node')).toHaveText('Btw per land');
    await page.screenshot({ path: shot('record-error-nl-dark'), fullPage: true });
    // A failed call's answer reads in Dutch too.
    await page.goto(`${host.origin}/#/runs/no-such-run`);
    await expect(page.getByText('Er is geen run no-such-run.')).toBeVisible();
    api.close();
  });

  test('retrying one record shows the new attempt as it runs; a customer is erased by e-mail; notices can be turned off', async ({
    page,
    host,
  }) => {
    test.setTimeout(120_000);
    await page.addInitScript(notificationRecorder);
    const { api, flow, teamleaderAdmin } = await ordersScene(host);
    await setFaults(teamleaderAdmin, { errorRate: 1, statuses: [422], operations: ['invoices.draft'] });
    const { runId } = await api.call('runs.start', { flowId: flow.id, limit: 2 });
    const failedAsRan = (await finished(api, runId)).counts.failed;
    const { items } = await api.call('runs.items', { runId, status: 'failed', limit: 1 });
    const item = items[0];
    if (!item) throw new Error('expected a failed record');

    // Teamleader works again, slowly: the new attempt is visible while it runs.
    await setFaults(teamleaderAdmin, { latencyMs: 400 });
    await openApp(page, host, `/runs/${runId}/records/${item.id}`);
    const record = page.getByTestId('screen-record');
    await expect(record).toHaveAttribute('data-status', 'failed');
    await expect(page.getByTestId('record-error')).toContainText('422');
    await expect(page.getByTestId('record-error-node')).toHaveText('Teamleader invoice');
    await page.getByTestId('record-retry').click();
    await expect(page.getByTestId('record-retrying')).toBeVisible();
    await expect(record).toHaveAttribute('data-status', 'succeeded');
    await expect(page.getByTestId('attempt-row')).toHaveCount(2);
    await expect(page.getByTestId('record-retrying')).toHaveCount(0);
    await setFaults(teamleaderAdmin, {});

    // The flow's canvas shows that run, not the retry (which carried one record): its invoice node's
    // failures as the run went, and what became of them since.
    await openApp(page, host, `/flows/${flow.id}`);
    const invoiceCounts = new EditorPage(page).node('teamleader.target.sales').getByTestId('node-counts');
    const stillFailing = failedAsRan - 1;
    await expect(invoiceCounts).toHaveAttribute(
      'title',
      stillFailing === 0 ? 'fixed by a retry' : `${stillFailing} still failing`,
    );
    await expect(invoiceCounts.locator('.ed-count-note')).toHaveText(
      stillFailing === 0 ? 'fixed by a retry' : `${stillFailing} still failing`,
    );
    await expect(invoiceCounts.locator(stillFailing === 0 ? '.ed-count-fixed' : '.ed-count-fail')).toHaveText(
      `✗ ${failedAsRan}`,
    );
    // The invoice node is off to the right: pan the canvas there, as a user drags it.
    const pane = await page.locator('.react-flow__pane').boundingBox();
    for (let drag = 0; pane && drag < 2; drag++) {
      await page.mouse.move(pane.x + pane.width - 40, pane.y + 60);
      await page.mouse.down();
      await page.mouse.move(pane.x + 40, pane.y + 60, { steps: 8 });
      await page.mouse.up();
    }
    await page.screenshot({ path: shot('editor-after-retry') });

    // While the canvas is open, a retry made elsewhere (the runs screen, another window) shows at
    // once: what still failed is fixed, without opening the flow again.
    expect(stillFailing).toBeGreaterThan(0);
    const rest = await api.call('runs.retry', { runId });
    expect((await finished(api, rest.runId)).counts.failed).toBe(0);
    await expect(invoiceCounts).toHaveAttribute('title', 'fixed by a retry');
    await expect(invoiceCounts.locator('.ed-count-fixed')).toHaveText(`✗ ${failedAsRan}`);
    // A run of the flow started elsewhere (its schedule) is followed by the canvas and its log.
    const minimap = page.locator('.react-flow__minimap');
    await expect(minimap).toBeVisible();
    await page.getByTestId('bottom-tab-runLog').click();
    await expect(page.getByTestId('run-log-slot')).toHaveAttribute('data-run-id', runId);
    // The log leaves the canvas low: the minimap goes rather than cover the flow's nodes.
    await expect(minimap).toBeHidden();
    const next = await api.call('runs.start', { flowId: flow.id, limit: 1 });
    await expect(page.getByTestId('run-log-slot')).toHaveAttribute('data-run-id', next.runId);
    await finished(api, next.runId);
    await expect(page.getByTestId('run-log-slot')).not.toHaveAttribute('data-run-status', 'running');
    await page.screenshot({ path: shot('editor-follows-runs') });
    await openApp(page, host, `/runs/${runId}`);

    // A GDPR request: the customer's data goes from every stored record.
    const email = item.businessKeys.email ?? '';
    expect(email).toContain('@');
    await nav(page, 'Settings').click();
    await page.getByTestId('settings-erase-email').fill(email);
    await page.getByTestId('settings-erase-email').press('Enter');
    await expect(page.getByTestId('settings-erase-confirm')).toContainText(email);
    await page.screenshot({ path: shot('settings-erase-confirm'), fullPage: true });
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await expect(page.getByTestId('settings-erase-result')).toContainText(`Erased ${email} from`);
    await page.goto(`${host.origin}/#/runs/${runId}/records/${item.id}`);
    await expect(page.getByTestId('payloads-missing')).toBeVisible();

    // With notices off, a failing run says nothing.
    await nav(page, 'Settings').click();
    // The box follows the stored setting, so it changes once the update is saved.
    await page.getByTestId('settings-notifications').click();
    await expect(page.getByTestId('settings-notifications')).not.toBeChecked();
    const quiet = await ordersFlow(api);
    await setFaults(teamleaderAdmin, { errorRate: 1, statuses: [422], operations: ['invoices.draft'] });
    // Its first orders are in Teamleader already (skipped); the fourth is new and fails.
    const second = await api.call('runs.start', { flowId: quiet.id, limit: 4 });
    expect((await finished(api, second.runId)).status).toBe('failed');
    await nav(page, 'Runs').click();
    await expect(page.locator(`[data-testid="run-row"][data-run-id="${second.runId}"]`)).toHaveAttribute(
      'data-status',
      'failed',
    );
    await expect(page.getByTestId('notification')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __notices: unknown[] }).__notices.length)).toBe(
      0,
    );

    // The dashboard names the failing flow and its error, leading to the failed records.
    await nav(page, 'Dashboard').click();
    await expect(page.getByTestId('health-line')).toHaveAttribute('data-state', 'failing');
    await expect(page.getByTestId('health-line')).toContainText(quiet.name);
    await expect(page.getByTestId('top-error').first()).toContainText('422');
    await page.screenshot({ path: shot('dashboard-failing'), fullPage: true });
    await page.getByTestId('top-error').first().getByRole('link').click();
    await expect(page.getByTestId('screen-run')).toBeVisible();
    await expect(page.locator('[data-testid="record-row"][data-status="failed"]').first()).toBeVisible();
    await expect(page.getByTestId('records-filter-failed')).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: shot('run-failed-records-from-dashboard'), fullPage: true });

    // In Dutch, the records Teamleader already had say so in Dutch (the engine stores codes).
    await api.call('settings.update', { language: 'nl' });
    await page.goto(`${host.origin}/#/runs/${second.runId}`);
    // The same run without "/failed" opens on all its records, not on the filter the link set.
    await expect(page.getByTestId('records-filter-all')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('records-filter-skipped').click();
    const skippedRow = page.locator('[data-testid="record-row"][data-status="skipped"]').first();
    await expect(skippedRow).toContainText('staat al in Teamleader als');
    await page.screenshot({ path: shot('run-skipped-reasons-nl'), fullPage: true });
    await skippedRow.getByRole('link').first().click();
    await expect(page.getByTestId('record-skipped')).toContainText('staat al in Teamleader als');
    api.close();
  });
});

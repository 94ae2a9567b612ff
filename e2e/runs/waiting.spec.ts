import path from 'node:path';
import { expect, openApp, test } from '../fixtures/test';
import { TestApi } from './api-client';
import { finished, shotsDir } from './scene';

test.describe('records waiting for another record', () => {
  test('the dashboard lists the payments waiting for their orders, leads to one, and lets one go', async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    // The sandbox's paid Teamleader invoices have no MplusKASSA orders yet: the orders flow has not run.
    const { flow } = await api.call('flows.create', { templateId: 'order-status-teamleader-to-mplus' });
    const { runId } = await api.call('runs.start', { flowId: flow.id });
    const run = await finished(api, runId);
    expect(run.counts.skipped).toBeGreaterThan(1);
    const { records } = await api.call('runs.waiting', {});
    expect(records).toHaveLength(run.counts.skipped);

    await openApp(page, host, '/dashboard');
    const card = page.getByTestId('waiting-records');
    await expect(card.getByRole('heading')).toHaveText(
      `${records.length} records waiting for another record`,
    );
    const rows = card.getByTestId('waiting-record');
    await expect(rows).toHaveCount(records.length);
    const first = records[0];
    if (!first) throw new Error('nothing waits');
    const label = first.businessKeys.orderNumber ?? first.itemKey;
    const row = rows.filter({ hasText: label }).first();
    await expect(row).toContainText(flow.name);
    await expect(row).toContainText(`no MplusKASSA order with extOrderId`);
    await expect(row).toContainText('the next runs try again');
    await page.screenshot({ path: path.join(shotsDir, 'dashboard-waiting.png'), fullPage: true });

    await row.getByRole('button', { name: `Stop waiting for ${label}` }).click();
    await expect(rows).toHaveCount(records.length - 1);
    expect((await api.call('runs.waiting', {})).records.map((record) => record.itemKey)).not.toContain(
      first.itemKey,
    );

    // The rest at once, after a confirmation: the card goes.
    await card.getByRole('button', { name: `Stop waiting for all ${records.length - 1}` }).click();
    const confirm = card.getByRole('alertdialog');
    await expect(confirm).toContainText(`Stop waiting for all ${records.length - 1} records?`);
    await page.screenshot({ path: path.join(shotsDir, 'dashboard-waiting-confirm.png') });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(rows).toHaveCount(records.length - 1);

    // Each leads to the page of the record that waited last.
    await rows.first().getByRole('link', { name: 'View record' }).click();
    await expect(page.getByTestId('screen-record')).toBeVisible();
    await expect(page.getByTestId('screen-record')).toContainText('the next runs try again');

    await openApp(page, host, '/dashboard');
    await card.getByRole('button', { name: `Stop waiting for all ${records.length - 1}` }).click();
    await card.getByRole('alertdialog').getByRole('button', { name: 'Stop waiting for all' }).click();
    await expect(card).toHaveCount(0);
    expect((await api.call('runs.waiting', {})).records).toEqual([]);
  });
});

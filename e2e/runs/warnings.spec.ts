import { expect, openApp, test } from '../fixtures/test';
import { RunPage } from './runs-pages';
import { finished, ordersScene, shotsDir } from './scene';

test.describe('a run that warned', () => {
  test('its page lists what it warned of, each with its record, and opens the log on its warnings', async ({
    page,
    host,
  }) => {
    const { api, flow } = await ordersScene(host);
    // The sandbox's till charges 9 %, its Teamleader 6 %: "Tax per country" maps it, and says so.
    const { runId } = await api.call('runs.start', { flowId: flow.id, limit: 6 });
    expect((await finished(api, runId)).status).toBe('succeeded');
    const told = await api.call('runs.warnings', { runId });
    expect(told.total).toBeGreaterThan(0);
    const first = told.warnings[0];
    expect(first?.message).toMatch(/% VAT at the source, \d+ % in Teamleader/);
    expect(first?.item).not.toBeNull();

    await openApp(page, host, `/runs/${runId}`);
    const run = new RunPage(page);
    const panel = page.getByTestId('run-warnings');
    await expect(panel.getByRole('heading')).toHaveText(
      `Worth a look: ${told.total} warning${told.total === 1 ? '' : 's'}`,
    );
    await expect(panel.getByTestId('run-warning')).toHaveCount(told.warnings.length);
    await expect(panel.getByTestId('run-warning').first()).toContainText(first?.message ?? '');
    await run.shot('run-warnings');

    // Its record: the order the warning names.
    await panel.getByRole('link', { name: first?.item?.label ?? '' }).click();
    await expect(page.getByTestId('screen-record').getByRole('heading', { level: 1 })).toHaveText(
      first?.item?.label ?? '',
    );
    // The record's page says what the run warned of about it (before, only the run page did).
    const logged = page.getByTestId('record-log');
    await expect(logged.getByRole('heading')).toHaveText(/^Logged about this record: \d+ lines?$/);
    await expect(
      logged.getByTestId('record-log-line').filter({ hasText: first?.message ?? '' }),
    ).toHaveAttribute('data-level', 'warn');
    await run.shot('record-log');
    // What was sent, told from the mapped record it was made of (the two have other shapes: not
    // "8 added · 94 left out", every field of the record not sent counted as a difference).
    await page.getByTestId('compare-mapped-request').click();
    await expect(page.getByTestId('diff-count')).toHaveText(
      /^\d+ of the \d+ values sent come from the mapped record · \d+ added on the way \(ids looked up, settings\)$/,
    );
    // The record's fields not sent are shown quietly, not as red removals.
    await expect(page.getByTestId('diff-left').locator('.rn-diff-unsent').first()).toBeVisible();
    await page.getByTestId('diff-count').scrollIntoViewIfNeeded();
    await run.shot('record-compare-sent');
    // Received and mapped are both Koppel's record: their differences are counted.
    await page.getByTestId('compare-source-mapped').click();
    await expect(page.getByTestId('diff-count')).toHaveText(
      /^(\d+ changed · \d+ added · \d+ left out|No differences)$/,
    );
    await expect(page.getByTestId('diff-left').locator('.rn-diff-unsent')).toHaveCount(0);
    // Teamleader's answer is kept: the draft call, its status and the invoice it made.
    await page.getByTestId('compare-request-response').click();
    await expect(page.getByTestId('diff-right')).toContainText('"operation": "invoices.draft"');
    await expect(page.getByTestId('diff-right')).toContainText('"status": 201');
    await expect(page.getByTestId('diff-count')).toHaveText(
      /^\d+ of the \d+ values in the answer repeat what was sent · \d+ new$/,
    );
    await run.shot('record-compare-answer');
    await page.goBack();

    // "Show all": the live log, on warnings and errors only.
    await page.getByTestId('run-warnings-all').click();
    await expect(page.getByTestId('run-log')).toBeVisible();
    await expect(page.getByTestId('log-filter-level')).toHaveValue('warn');
    await expect(run.logRows()).toHaveCount(told.total);
    for (const level of await run.logRows().evaluateAll((rows) => rows.map((row) => row.dataset.level)))
      expect(level).toBe('warn');

    // A run that warned of nothing (the sandbox's customers go in as they are): no panel.
    const customers = await api.call('flows.create', { templateId: 'customers-mplus-to-teamleader' });
    const { runId: next } = await api.call('runs.start', { flowId: customers.flow.id, limit: 6 });
    expect((await finished(api, next)).status).toBe('succeeded');
    expect((await api.call('runs.warnings', { runId: next })).total).toBe(0);
    await page.goto(`${host.origin}/#/runs/${next}`);
    await expect(run.screen).toHaveAttribute('data-run-status', 'succeeded');
    await expect(page.getByTestId('node-counts')).toBeVisible();
    await expect(page.getByTestId('run-warnings')).toHaveCount(0);

    // The runs list marks the run that warned, with how many lines; the other not.
    await page.goto(`${host.origin}/#/runs`);
    const warned = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect(warned.getByTestId('run-row-warnings')).toHaveText(String(told.total));
    await expect(warned.getByTestId('run-row-warnings')).toHaveAttribute(
      'aria-label',
      `${told.total} warning${told.total === 1 ? '' : 's'}`,
    );
    const quiet = page.locator(`[data-testid="run-row"][data-run-id="${next}"]`);
    await expect(quiet).toBeVisible();
    await expect(quiet.getByTestId('run-row-warnings')).toHaveCount(0);
    await page.screenshot({ path: `${shotsDir}/runs-list-warnings.png` });

    // In Dutch.
    await api.call('settings.update', { language: 'nl' });
    await page.goto(`${host.origin}/#/runs/${runId}`);
    await expect(panel.getByRole('heading')).toHaveText(
      `Het bekijken waard: ${told.total} waarschuwing${told.total === 1 ? '' : 'en'}`,
    );
    await expect(panel.getByTestId('run-warning').first()).toContainText('btw in de bron');
    api.close();
  });
});

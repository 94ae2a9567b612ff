import path from 'node:path';
import { expect, openApp, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { TestApi } from './api-client';
import { finished, ordersScene, shotsDir } from './scene';

/** A local day as the Dutch UI writes it: 07-03-2026. */
function dutch(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}`;
}

test.describe('dates in the UI language', () => {
  test('the run history filters by days typed and picked in Dutch, whatever the browser language', async ({
    page,
    host,
  }) => {
    const { api, flow } = await ordersScene(host);
    const { runId } = await api.call('runs.start', { flowId: flow.id, limit: 2 });
    await finished(api, runId);
    await api.call('settings.update', { language: 'nl' });

    await openApp(page, host, '/runs');
    const rows = page.getByTestId('run-row');
    await expect(rows).toHaveCount(1);
    const from = page.getByTestId('runs-filter-from');
    const to = page.getByTestId('runs-filter-to');
    await expect(from).toHaveAttribute('placeholder', 'dd-mm-jjjj');

    // Typed in the Dutch order, one-digit parts allowed: from tomorrow, nothing matches.
    const today = new Date();
    const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
    await from.fill(`${tomorrow.getDate()}-${tomorrow.getMonth() + 1}-${tomorrow.getFullYear()}`);
    await expect(page.getByTestId('runs-no-match')).toBeVisible();
    await from.press('Tab');
    await expect(from).toHaveValue(dutch(tomorrow));

    // Not a day: said once the field is left, and the filter stays as it was.
    await from.fill('31-02-2026');
    await from.press('Tab');
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toHaveText('Vul een datum in als dd-mm-jjjj.');
    await expect(page.getByTestId('runs-no-match')).toBeVisible();

    // Emptied, the run is back; from today it stays.
    await from.fill('');
    await expect(rows).toHaveCount(1);
    await from.fill(dutch(today));
    await from.press('Tab');
    await expect(from).toHaveValue(dutch(today));
    await expect(rows).toHaveCount(1);

    // Picked from a Dutch calendar, days before "from" not pickable.
    const calendarButton = page.getByRole('button', { name: 'Kies een datum in een kalender' }).nth(1);
    await calendarButton.click();
    const calendar = page.getByRole('dialog', { name: 'Kalender' });
    await expect(calendar).toBeVisible();
    const month = new Intl.DateTimeFormat('nl', { month: 'long', year: 'numeric' }).format(today);
    await expect(calendar).toContainText(month);
    // Weeks start on Monday ("ma"), as in Dutch calendars.
    await expect(calendar.locator('th').first()).toHaveText('ma');
    await page.screenshot({ path: path.join(shotsDir, 'runs-date-filter-nl.png') });
    // The month before is all before "from": none of its days can be picked.
    await calendar.locator('.rdp-button_previous').click();
    const lastMonth = new Date(today.getFullYear(), today.getMonth() - 1, 1);
    await expect(calendar).toContainText(
      new Intl.DateTimeFormat('nl', { month: 'long', year: 'numeric' }).format(lastMonth),
    );
    await expect(calendar.locator('.rdp-day_button').last()).toBeDisabled();
    await calendar.locator('.rdp-button_next').click();
    await calendar.locator('.rdp-today button').click();
    await expect(calendar).toBeHidden();
    await expect(to).toHaveValue(dutch(today));
    await expect(rows).toHaveCount(1);

    // Escape closes the calendar and gives the focus back to its button.
    await calendarButton.click();
    await expect(calendar).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(calendar).toBeHidden();
    await expect(calendarButton).toBeFocused();

    // Clearing the filters clears the fields, even one left with a wrong day.
    await from.fill('99-99-2026');
    await from.press('Tab');
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(from).toHaveValue('');
    await expect(to).toHaveValue('');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test("a node's date setting is typed in the UI's order and saved as the day it names", async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    await api.call('settings.update', { language: 'nl' });
    const { flow } = await api.call('flows.create', { templateId: 'orders-mplus-to-teamleader' });
    await openApp(page, host, `/flows/${flow.id}`);
    const editor = new EditorPage(page);
    await editor.select('mplus.source.sales');
    const startFrom = page.getByTestId('node-inspector').getByLabel('Beginnen vanaf');
    await expect(startFrom).toHaveAttribute('placeholder', 'dd-mm-jjjj');
    // Day before month, as in Dutch: the 2nd of November, not the 11th of February.
    await startFrom.fill('2-11-2026');
    await startFrom.press('Tab');
    await expect(startFrom).toHaveValue('02-11-2026');
    await editor.save();
    const { flow: saved } = await api.call('flows.get', { id: flow.id });
    const source = saved.nodes.find((node) => node.kind === 'mplus.source.sales');
    expect(source?.config.startFrom).toBe('2026-11-02');
    // Emptied, the setting goes.
    await startFrom.fill('');
    await editor.save();
    const { flow: emptied } = await api.call('flows.get', { id: flow.id });
    expect(emptied.nodes.find((node) => node.kind === 'mplus.source.sales')?.config).not.toHaveProperty(
      'startFrom',
    );
  });
});

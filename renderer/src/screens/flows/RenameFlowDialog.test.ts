import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserFixture, type BrowserFixture } from '../../testing/browser-fixture';

describe('the rename dialog (Chromium)', () => {
  let fixture: BrowserFixture;

  beforeAll(async () => {
    fixture = await openBrowserFixture(new URL('./testing/rename-fixture.tsx', import.meta.url));
    await fixture.page.waitForFunction(() => window.renameFixture !== undefined);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('opens with the flow’s name already in its input, saves the name typed, and saves nothing for the same name', async () => {
    const { page } = fixture;
    // Read in the task that opened it: an input shown empty first took what was typed then, and
    // the name arriving after was joined to it (a CI failure: "Orders, renamed" never appeared).
    const opened = await page.evaluate(() => window.renameFixture?.open('Round trip'));
    expect(opened).toEqual({ open: true, value: 'Round trip' });

    await page.getByTestId('rename-input').fill('Orders, renamed');
    await page.getByTestId('rename-save').click();
    await expect.poll(() => page.evaluate(() => window.renameFixture?.saved)).toEqual(['Orders, renamed']);
    await expect.poll(() => page.getByTestId('rename-input').count()).toBe(0);
    expect(await page.evaluate(() => window.renameFixture?.done)).toEqual([
      { from: 'Round trip', to: 'Orders, renamed' },
    ]);

    // The same name again (spaces around it aside): nothing is saved, the dialog just closes.
    await page.evaluate(() => window.renameFixture?.open('Stock levels'));
    await page.getByTestId('rename-input').fill('  Stock levels ');
    await page.getByTestId('rename-save').click();
    await expect.poll(() => page.getByTestId('rename-input').count()).toBe(0);
    expect(await page.evaluate(() => window.renameFixture?.saved)).toEqual(['Orders, renamed']);

    // Another flow: its own name, not what was typed for the last one.
    const next = await page.evaluate(() => window.renameFixture?.open('Customers'));
    expect(next).toEqual({ open: true, value: 'Customers' });
    expect(fixture.pageErrors).toEqual([]);
  });
});

import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { shotsDir } from './scene';

/** The run page (`#/runs/:id`): counts, records, live log. */
export class RunPage {
  constructor(readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByTestId('screen-run');
  }

  count(kind: 'succeeded' | 'skipped' | 'failed' | 'stopped'): Locator {
    return this.page.getByTestId('run-counts').locator(`[data-count="${kind}"]`);
  }

  async showLog(): Promise<void> {
    await this.page.getByRole('tab', { name: /live log|live log/i }).click();
    await expect(this.page.getByTestId('run-log')).toBeVisible();
  }

  async showRecords(): Promise<void> {
    await this.page.getByRole('tab', { name: /records/i }).click();
  }

  logRows(type?: string): Locator {
    const rows = this.page.getByTestId('log-row');
    return type ? rows.and(this.page.locator(`[data-event-type="${type}"]`)) : rows;
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
  }
}

import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { openApp } from '../fixtures/test';
import type { WebHost } from '../fixtures/web-host';

export const screensDir = path.resolve(__dirname, '../../test-results/screens');

/** The flows list (`#/flows`). */
export class FlowsPage {
  constructor(readonly page: Page) {}

  async open(host: WebHost): Promise<void> {
    await openApp(this.page, host, '/flows');
    await expect(this.page.getByTestId('screen-flows')).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** New flow → blank (or a template) → Create; resolves in the editor. */
  async create(name: string, template?: string): Promise<void> {
    await this.page.getByTestId('new-flow').click();
    const dialog = this.page.getByTestId('new-flow-dialog');
    // The templates arrive after the dialog opens and grow it, moving its buttons: a click aimed
    // before then can land where Create no longer is (seen in CI on a loaded machine).
    await expect(dialog.getByTestId('new-flow-name')).toBeVisible();
    await expect(dialog.getByTestId('templates-loading')).toHaveCount(0);
    await dialog.getByTestId('new-flow-name').fill(name);
    await dialog.getByTestId(template ? `template-${template}` : 'template-blank').check();
    await dialog.getByTestId('new-flow-create').click();
    await expect(this.page.getByTestId('screen-flow-editor')).toBeVisible();
    await expect(this.page.getByTestId('flow-title')).toHaveValue(name);
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(screensDir, `${name}.png`) });
  }
}

import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { tallScreenshot } from './tall-screenshot';

export const screensDir = path.resolve(__dirname, '../../test-results/screens');

type Step = 'systems' | 'connect' | 'flows' | 'settings' | 'dryRun' | 'enable';

/** The setup wizard (`#/wizard`). */
export class WizardPage {
  constructor(readonly page: Page) {}

  step(step: Step) {
    return this.page.getByTestId(`wizard-step-${step}`);
  }

  async expectStep(step: Step): Promise<void> {
    await expect(this.step(step)).toBeVisible();
  }

  /** Next, once it is enabled (it waits for checks and runs to finish, never for a fixed time). */
  async next(timeout = 30_000): Promise<void> {
    const next = this.page.getByTestId('wizard-next');
    await expect(next).toBeEnabled({ timeout });
    await next.click();
  }

  async shot(name: string): Promise<void> {
    await tallScreenshot(this.page, path.join(screensDir, `${name}.png`));
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { tallScreenshot } from '../wizard/tall-screenshot';
import { z } from 'zod';
import { openApp } from '../fixtures/test';
import type { WebHost } from '../fixtures/web-host';

export const screensDir = path.resolve(__dirname, '../../test-results/screens');

const SandboxRecord = z.object({
  teamleader: z.object({ apiUrl: z.string(), authUrl: z.string() }),
  mplus: z.object({ url: z.string() }),
});

/** Where the host's sandbox twins listen (`koppel serve` starts them before it prints its URL). */
export function sandboxAddresses(host: WebHost): z.infer<typeof SandboxRecord> {
  const file = path.join(host.dataDir, 'sandbox', 'sandbox.json');
  return SandboxRecord.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Sets the MplusKASSA twin's faults through its sandbox admin API (`{}` clears them). */
export async function setMplusFaults(host: WebHost, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxAddresses(host).mplus.url}_sandbox/faults`, {
    method: 'POST',
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

/** The Connections screen (`#/connections`). */
export class ConnectionsPage {
  constructor(readonly page: Page) {}

  async open(host: WebHost): Promise<void> {
    await openApp(this.page, host, '/connections');
    await expect(this.page.getByTestId('screen-connections')).toBeVisible();
    await expect(this.card('sandbox-teamleader')).toBeVisible();
  }

  section(kind: 'teamleader' | 'mplus'): Locator {
    return this.page.getByTestId(`connection-${kind}`);
  }

  card(id: string): Locator {
    return this.page.getByTestId(`connection-card-${id}`);
  }

  /** "Add MplusKASSA account", filled in and saved (which tests it at once). */
  async addMplus(values: { host: string; port: string; ident: string; secret: string }): Promise<Locator> {
    await this.section('mplus').getByTestId('add-mplus').click();
    const form = this.page.getByTestId('mplus-form');
    await form.getByLabel('Host').fill(values.host);
    await form.getByLabel('Port').fill(values.port);
    await form.getByLabel('Ident').fill(values.ident);
    await form.getByLabel('Secret').fill(values.secret);
    await form.getByRole('button', { name: 'Save and test' }).click();
    return form;
  }

  async shot(name: string): Promise<void> {
    await tallScreenshot(this.page, path.join(screensDir, `${name}.png`));
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { FlowDocument } from '../../shared/flow/flow-document';
import type { WebHost } from '../fixtures/web-host';
import type { RunEvent } from '../../shared/flow/run-events';
import { expect } from '../fixtures/test';
import { TestApi } from './api-client';

export const shotsDir = path.resolve(__dirname, '../../test-results/screens');

interface SandboxUrls {
  teamleaderAdmin: string;
  mplusAdmin: string;
}

/** The twins' admin URLs, from the record `koppel serve` wrote when it started the sandbox. */
export function sandboxUrls(host: WebHost): SandboxUrls {
  const record = JSON.parse(fs.readFileSync(path.join(host.dataDir, 'sandbox', 'sandbox.json'), 'utf8')) as {
    teamleader: { adminUrl: string };
    mplus: { adminUrl: string };
  };
  return { teamleaderAdmin: record.teamleader.adminUrl, mplusAdmin: record.mplus.adminUrl };
}

/** `POST /_sandbox/faults` on a twin (an empty object clears them). */
export async function setFaults(adminUrl: string, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${adminUrl}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`faults: ${response.status} ${await response.text()}`);
}

/**
 * The shipped "POS orders → Teamleader invoices" template as a saved flow, failing a record at
 * once instead of retrying it (the retry policy is the user's; the tests want speed).
 */
export async function ordersFlow(api: TestApi): Promise<FlowDocument> {
  const created = await api.call('flows.create', { templateId: 'orders-mplus-to-teamleader' });
  const flow: FlowDocument = {
    ...created.flow,
    settings: {
      ...created.flow.settings,
      retry: { attempts: 1, baseDelaySeconds: 0.01, maxDelaySeconds: 0.01 },
    },
  };
  return (await api.call('flows.save', { flow })).flow;
}

/**
 * The runs specs' scene: the API, the shipped POS orders flow (see {@link ordersFlow}) and the
 * Teamleader twin's admin URL, for its faults.
 */
export async function ordersScene(
  host: WebHost,
): Promise<{ api: TestApi; flow: FlowDocument; teamleaderAdmin: string }> {
  const api = await TestApi.connect(host);
  const flow = await ordersFlow(api);
  return { api, flow, teamleaderAdmin: sandboxUrls(host).teamleaderAdmin };
}

/** Waits (polling the run's stored log) until the run has told an event the predicate accepts. */
export async function eventSeen(
  api: TestApi,
  runId: string,
  predicate: (event: RunEvent) => boolean,
  timeout?: number,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const { events } = await api.call('runs.events', { runId, afterSeq: 0, limit: 1000 });
        return events.some(predicate);
      },
      timeout === undefined ? {} : { timeout },
    )
    .toBe(true);
}

/** Waits (polling the API, not the clock) until a run is finished. */
export async function finished(api: TestApi, runId: string) {
  for (;;) {
    const { run } = await api.call('runs.get', { runId });
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Replaces the browser's Notification API with a recorder (headless Chromium shows none), granted:
 * what the page asks to show ends up in `window.__notices`; `window.__clickNotice(i)` clicks one.
 */
export const notificationRecorder = `
  window.__notices = [];
  class RecordedNotification {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) {
      this.title = title; this.body = options?.body; this.onclick = null;
      window.__notices.push(this);
    }
    close() {}
  }
  window.Notification = RecordedNotification;
  window.__clickNotice = (index) => window.__notices[index]?.onclick?.();
`;

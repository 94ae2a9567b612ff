import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls, type CallName, type CallOutput } from '../../shared/api/contract';
import { createApp, type App } from '../app/create-app';
import type { Logger } from '../app/logger';
import { resourcesDir } from '../app/paths';
import { secretFields } from '../connections/registry';
import { approveInBrowser, tempDataDir, testKeychain } from '../connections/testing/fixtures';
import { startMplusTwin, type MplusTwin } from '../connectors/mplus';
import { startTeamleaderTwin, TeamleaderTokens, type TeamleaderTwin } from '../connectors/teamleader';
import { Vault } from '../vault/vault';
import { scanFolder, scanTexts, type SecretFinding } from './find-secrets';

const random = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;
const IDENT = random('ident');
const SECRET = random('secret');
const CLIENT_ID = random('client');
const CLIENT_SECRET = random('client-secret');
const RECORDS_PER_TEMPLATE = 4;

/**
 * Every template runs against the twins through live-mode connections whose credentials are random
 * (so there is something to find), then the data folder (settings, flows, the run database and its
 * WAL), every log line and every API answer are searched for each secret and each token the run
 * used. None may be there: secrets live in the OS keychain only.
 */
describe('no secret or token outside the keychain after every template ran', () => {
  let app: App;
  let disposed = false;
  let vault: Vault;
  let dataDir: string;
  let teamleader: TeamleaderTwin;
  let mplus: MplusTwin;
  const logLines: string[] = [];
  const answers: Record<string, string> = {};
  /** Every generation of Teamleader tokens seen in the keychain (they rotate on refresh). */
  const tokens = new Set<string>();
  const timings: string[] = [];

  async function call<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> {
    const result = await app.dispatch(name, input);
    answers[`${name} #${Object.keys(answers).length}`] = JSON.stringify(result);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return apiCalls[name].output.parse(result.output) as CallOutput<K>;
  }

  async function collectTokens(): Promise<void> {
    const stored = await vault.get('teamleader', 'tokens');
    if (!stored) return;
    const parsed = TeamleaderTokens.parse(JSON.parse(stored));
    tokens.add(parsed.access_token);
    tokens.add(parsed.refresh_token);
  }

  beforeAll(async () => {
    vault = new Vault({ keychain: await testKeychain(), env: {} });
    // Short-lived access tokens, so the runs refresh them and more than one generation is in play.
    teamleader = await startTeamleaderTwin({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      tokenTtlSeconds: 4,
    });
    mplus = await startMplusTwin({ ident: IDENT, secret: SECRET });
    dataDir = tempDataDir();
    const capture = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    const logger: Logger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };
    app = await createApp({ host: 'web', dataDir, vault, logger });
    // Live accounts only: the sandbox stays out of this data folder.
    await call('settings.update', { sandbox: { enabled: false, seed: 1, size: 'small' } });
  }, 60_000);

  afterAll(async () => {
    if (!disposed) await app?.dispose();
    for (const id of ['mplus', 'teamleader'] as const) await vault?.deleteAll(id, secretFields(id));
    await teamleader?.close();
    await mplus?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects both systems, runs all nine templates, and finds no secret anywhere', async () => {
    await call('connections.saveMplus', {
      host: 'http://127.0.0.1',
      port: mplus.port,
      ident: IDENT,
      secret: SECRET,
    });
    expect(await call('connections.test', { id: 'mplus' })).toMatchObject({ ok: true });
    const started = await call('connections.startTeamleaderAuth', {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      apiBaseUrl: teamleader.apiUrl,
      authBaseUrl: teamleader.authUrl,
    });
    await approveInBrowser(started.authorizeUrl);
    let state = 'pending';
    while (state === 'pending') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await call('connections.teamleaderAuthStatus', { authId: started.authId })).state;
    }
    expect(state).toBe('succeeded');
    await collectTokens();

    const templateIds = fs
      .readdirSync(path.join(resourcesDir(), 'templates'))
      .filter((file) => file.endsWith('.flow.json'))
      .map((file) => file.slice(0, -'.flow.json'.length));
    expect(templateIds).toHaveLength(9);
    const { flows } = await call('wizard.create', {
      teamleaderId: 'teamleader',
      mplusId: 'mplus',
      flows: templateIds.map((templateId) => ({ templateId })),
    });

    let records = 0;
    for (const { flow } of flows) {
      const began = Date.now();
      // A few records per template keep this within Teamleader's 200 calls a minute.
      const { runId } = await call('runs.start', { flowId: flow.id, limit: RECORDS_PER_TEMPLATE });
      let run = (await call('runs.get', { runId })).run;
      while (run.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 100));
        run = (await call('runs.get', { runId })).run;
      }
      // A run that could not reach a system would prove nothing about what it stores.
      expect(run.error, `${flow.name}: ${run.error?.message}`).toBeNull();
      const { items } = await call('runs.items', { runId, limit: 1000 });
      for (const item of items) await call('runs.item', { itemId: item.id });
      records += items.length;
      timings.push(`${flow.name}: ${items.length} records, ${run.status}, ${Date.now() - began} ms`);
      await collectTokens();
    }
    console.log(timings.join('\n'));
    expect(records).toBeGreaterThan(3 * RECORDS_PER_TEMPLATE);
    expect(tokens.size).toBeGreaterThan(2);

    const secrets: Record<string, string> = { ident: IDENT, secret: SECRET, clientSecret: CLIENT_SECRET };
    [...tokens].forEach((token, index) => (secrets[`token ${index}`] = token));
    const findings: SecretFinding[] = [
      // While running: the database with its write-ahead log.
      ...scanFolder(dataDir, secrets),
      ...scanTexts(Object.fromEntries(logLines.map((line, i) => [`log line ${i}`, line])), secrets),
      ...scanTexts(answers, secrets),
    ];
    await app.dispose();
    disposed = true;
    // After shutdown: whatever was checkpointed or written on the way out.
    findings.push(...scanFolder(dataDir, secrets));
    expect(findings).toEqual([]);
    // The scan looked at real data: the run database and the flows were there to search.
    const files = fs.readdirSync(dataDir, { recursive: true }).map(String);
    expect(files.some((file) => file.endsWith('.sqlite') || file.endsWith('.db'))).toBe(true);
  }, 240_000);
});

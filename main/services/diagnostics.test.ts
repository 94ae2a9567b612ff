import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import { KoppelError } from '../../shared/api/errors';
import { createApp, type App } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { tempDataDir, testKeychain } from '../connections/testing/fixtures';
import { staticConnections } from '../engine/connections';
import { memoryFlow, sampleOrders } from '../engine/testing/memory-flow';
import { MemorySystem } from '../engine/testing/memory-system';
import { registerDiagnostics } from '../hosts/cli/commands/diagnostics';
import { cliRunner } from '../hosts/cli/testing/cli-runner';
import { Vault } from '../vault/vault';

const IDENT = 'shop-ident-5521';
const SECRET = 'mk-secret-8c1f0e';

describe('the diagnostics report', () => {
  let app: App;
  let vault: Vault;
  let dataDir: string;
  let connectionId: string;
  const system = new MemorySystem();

  const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await app.dispatch(name, input);
    if (!result.ok) throw KoppelError.fromApiError(result.error);
    return result.output as CallOutput<K>;
  };

  beforeAll(async () => {
    vault = new Vault({ keychain: await testKeychain(), env: {} });
    dataDir = tempDataDir();
    app = await createApp({
      host: 'web',
      dataDir,
      vault,
      logger: silentLogger,
      logFile: 'web',
      scheduler: false,
      engineConnections: staticConnections({ memory: system }),
    });
    connectionId = (
      await call('connections.saveMplus', {
        name: 'Shop till',
        host: '127.0.0.1',
        port: 1,
        ident: IDENT,
        secret: SECRET,
      })
    ).id;
  });

  afterAll(async () => {
    await call('connections.delete', { id: connectionId }).catch(() => undefined);
    await app?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds versions, settings, connections, flows, the newest runs and the log, and no secret', async () => {
    system.seed('orders', sampleOrders(2));
    const flow = memoryFlow({});
    await call('flows.save', { flow });
    const { runId } = await call('runs.start', { flow });
    for (let i = 0; i < 200; i += 1) {
      const { run } = await call('runs.get', { runId });
      if (run.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // A system's error that carries the credentials in its URL, as a SOAP endpoint's can.
    app.ctx.logger.warn('Call failed', { url: `https://till.example/soap?ident=${IDENT}&secret=${SECRET}` });

    const { fileName, text } = await call('app.diagnostics', {});
    expect(fileName).toMatch(/^Koppel diagnostics \d{4}-\d\d-\d\d \d\d\.\d\d\.txt$/);
    expect(text).toMatch(/^Koppel diagnostics, \d{4}-\d\d-\d\dT/);
    expect(text).toContain(`version ${app.ctx.version}, web host`);
    expect(text).toContain(`data folder: ${dataDir}`);
    expect(text).toMatch(/database: koppel\.db \d+\.\d MB/);
    expect(text).toMatch(/== Keychain\n\{\n {2}"available": true\n\}/);
    for (const title of [
      '== Settings',
      '== Connections',
      '== Flows',
      '== Newest 20 runs',
      '== Log koppel-web.log',
    ])
      expect(text).toContain(title);
    expect(text).toContain('"name": "Shop till"');
    expect(text).toContain(`"id": "${flow.id}"`);
    expect(text).toContain(`"id": "${runId}"`);
    expect(text).toMatch(
      /WARN Call failed \{"url":"https:\/\/till\.example\/soap\?ident=\*\*\*&secret=\*\*\*"\}/,
    );
    expect(text).not.toContain(IDENT);
    expect(text).not.toContain(SECRET);
    // The log file itself never held them either.
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'koppel-web.log'), 'utf8')).not.toContain(SECRET);
  });

  it('is written by `koppel diagnostics`, with the log files of the hosts that keep one', async () => {
    const run = cliRunner(registerDiagnostics, { dataDir: () => dataDir, vault: () => vault });
    const printed = await run(['diagnostics']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('== Log koppel-web.log');
    const file = path.join(dataDir, 'report.txt');
    expect((await run(['diagnostics', '--out', file])).stdout).toBe(`Wrote ${file}.\n`);
    expect(fs.readFileSync(file, 'utf8')).toContain('== Connections');
  });

  it('opens the log folder in the file manager where the host can (the desktop app)', async () => {
    const opened: string[] = [];
    // As the desktop shell makes it, but without the sandbox the desktop app starts on its own.
    const desktop = await createApp({
      host: 'web',
      dataDir: tempDataDir(),
      vault,
      logger: silentLogger,
      scheduler: false,
      openFolder: async (folder) => {
        opened.push(folder);
        return true;
      },
    });
    try {
      const result = await desktop.dispatch('app.openLogFolder', {});
      expect(result).toEqual({ ok: true, output: { opened: true } });
      expect(opened).toEqual([path.join(desktop.ctx.dataDir, 'logs')]);
      expect(fs.statSync(opened[0] ?? '').isDirectory()).toBe(true);
      // Elsewhere (web, CLI) nothing opens.
      expect(await call('app.openLogFolder', {})).toEqual({ opened: false });
    } finally {
      await desktop.dispose();
      fs.rmSync(desktop.ctx.dataDir, { recursive: true, force: true });
    }
  });
});

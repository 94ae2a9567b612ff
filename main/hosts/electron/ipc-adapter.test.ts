import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callChannel } from '../../../shared/api/bridge';
import { callNames } from '../../../shared/api/contract';
import { createApp, type App } from '../../app/create-app';
import { silentLogger } from '../../app/logger';

// The Electron binary cannot run here, so ipcMain is replaced by a registry with its semantics:
// one handler per channel, and invoking a channel without one rejects.
type IpcHandler = (event: unknown, input: unknown) => Promise<unknown>;
const handlers = new Map<string, IpcHandler>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: IpcHandler) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { registerIpc } = await import('./ipc-adapter');

const OWN = 'file:///opt/Koppel/resources/app.asar/out/renderer/index.html';
const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

function invoke(channel: string, event: unknown, input: unknown): Promise<unknown> {
  const handler = handlers.get(channel);
  if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
  return handler(event, input);
}

let app: App;
let dataDir: string;
let unregister: () => void;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-ipc-'));
  app = await createApp({ host: 'electron', dataDir, logger: silentLogger });
  unregister = registerIpc(app, (url) => url.split(/[?#]/)[0] === OWN);
});

afterAll(async () => {
  unregister();
  await app.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Electron IPC adapter', () => {
  it('registers exactly one handler per call of the contract', () => {
    expect([...handlers.keys()].sort()).toEqual(callNames.map(callChannel).sort());
  });

  it('answers a call from our own page', async () => {
    const result = await invoke(callChannel('app.info'), topFrame(`${OWN}#/flows`), {});
    expect(result).toMatchObject({ ok: true, output: { host: 'electron' } });
  });

  it('has no handler for an unknown call', async () => {
    await expect(invoke('koppel:call:vault.dump', topFrame(OWN), {})).rejects.toThrow(/No handler/);
  });

  it('refuses invalid input with the one error shape', async () => {
    const result = await invoke(callChannel('settings.update'), topFrame(OWN), { language: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses calls from another page', async () => {
    const result = await invoke(callChannel('app.info'), topFrame('https://evil.example/'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses calls from a sub-frame of our page', async () => {
    const result = await invoke(callChannel('app.info'), { senderFrame: { url: OWN, parent: {} } }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('removes every handler on unregister', () => {
    unregister();
    expect(handlers.size).toBe(0);
    unregister = registerIpc(app, (url) => url === OWN);
  });
});

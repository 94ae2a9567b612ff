import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../app/version';

const bin = path.resolve(__dirname, '../../../bin/koppel.js');
const koppel = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('koppel command line', () => {
  it('lists its commands with --help', () => {
    const result = koppel('--help');
    expect(result.status).toBe(0);
    for (const command of [
      'serve',
      'sandbox',
      'run',
      'runs',
      'flows',
      'schedule',
      'templates',
      'connections',
      'alerts',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('prints its version', () => {
    const result = koppel('--version');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(APP_VERSION);
  });

  it('exits with 2 and says why on a usage error', () => {
    const bad = koppel('serve', '--port', 'abc');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port must be a whole number from 0 to 65535, got "abc"');
    const unknown = koppel('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const blank = koppel('runs', 'search', ' ');
    expect(blank.status).toBe(2);
    expect(blank.stderr).toContain('Give an order number, e-mail, SKU or item key to look for.');
  });

  it('on a server without a keychain, adds a connection from KOPPEL_SECRET_* variables, and says what to do before asking for secrets it could not keep', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-cli-nokeychain-'));
    // No Secret Service: the session bus points nowhere.
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dir, 'no-bus')}` };
    const add = (id: string, extra: NodeJS.ProcessEnv = {}) =>
      spawnSync(
        process.execPath,
        [
          bin,
          'connections',
          'add-mplus',
          '--host',
          'http://127.0.0.1',
          '--port',
          '1',
          '--id',
          id,
          '--data-dir',
          dir,
        ],
        {
          encoding: 'utf8',
          env: { ...env, ...extra },
          input: 'typed-ident\ntyped-secret\n',
          timeout: 20_000,
        },
      );
    try {
      const asked = add('till');
      expect(asked.status).toBe(2);
      expect(asked.stderr).toContain('koppel connections add-mplus: The OS keychain is not available');
      expect(asked.stderr).toContain('KOPPEL_SECRET_* environment variables');
      expect(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).not.toContain('"till"');

      const fromEnv = add('shop', {
        KOPPEL_SECRET_SHOP_IDENT: 'env-ident',
        KOPPEL_SECRET_SHOP_SECRET: 'env-secret',
      });
      // Saved; its test cannot reach port 1, which is exit 3, not a keychain problem.
      expect(fromEnv.stdout).toContain('Saved MplusKASSA as "shop"; testing it');
      expect(fromEnv.stdout).toMatch(/^FAILED {2}MplusKASSA: .*ECONNREFUSED/m);
      expect(fromEnv.status).toBe(3);
      const settings = fs.readFileSync(path.join(dir, 'settings.json'), 'utf8');
      expect(settings).toContain('"shop"');
      expect(settings).not.toContain('env-secret');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so, with exit 2, when the data folder is a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-cli-file-'));
    try {
      const file = path.join(dir, 'not-a-folder');
      fs.writeFileSync(file, '');
      const result = koppel('runs', 'list', '--data-dir', file);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        `Koppel cannot use the data folder ${file}: it (or a folder above it) is a file. Choose another one (--data-dir or KOPPEL_DATA_DIR).`,
      );
      expect(result.stderr).not.toContain('EEXIST');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform === 'linux')(
    'says so, with exit 2, when no folder can be made there (under /proc Node 20 never returned)',
    () => {
      const folder = '/proc/koppel-data';
      const result = spawnSync(process.execPath, [bin, 'runs', 'list', '--data-dir', folder], {
        encoding: 'utf8',
        timeout: 20_000,
        killSignal: 'SIGKILL',
      });
      expect(result.signal).toBeNull();
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        `Koppel cannot use the data folder ${folder}: no folder can be made there. Choose another one (--data-dir or KOPPEL_DATA_DIR).`,
      );
    },
  );

  it('says so, with exit 2, when the port to serve on is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-cli-port-'));
    try {
      const { port } = taken.address() as net.AddressInfo;
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--data-dir', dataDir], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        // A server that started after all would never end: stop it, and the test fails below.
        const limit = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('close', (code) => {
          clearTimeout(limit);
          resolve({ code, stderr });
        });
      });
      expect(result).toEqual({
        code: 2,
        stderr: `koppel serve: port ${port} is already in use (another Koppel, or another program); choose another with --port, or leave --port out for a free one.\n`,
      });
    } finally {
      taken.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses, with exit 2, a KOPPEL_SERVE_TOKEN too easy to guess', () => {
    const result = spawnSync(process.execPath, [bin, 'serve', '--port', '0'], {
      encoding: 'utf8',
      env: { ...process.env, KOPPEL_SERVE_TOKEN: 'koppel123' },
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^koppel serve: KOPPEL_SERVE_TOKEN must be at least 32 letters, digits, "-" or "_"/,
    );
    // Its help names it (it is not an option: a token there would show in the process list).
    expect(koppel('serve', '--help').stdout).toMatch(
      /^ {2}KOPPEL_SERVE_TOKEN {2}keep this session token across restarts/m,
    );
  });

  it("starts a new data folder in the system's language, and an existing one in its own", () => {
    const folders = [1, 2].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-cli-language-')));
    const [dutchPc, englishPc] = folders as [string, string];
    const languageAfter = (locale: string, dataDir: string) => {
      const result = spawnSync(process.execPath, [bin, 'templates', 'list', '--data-dir', dataDir], {
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: locale },
      });
      expect(result.status, result.stderr).toBe(0);
      return (
        JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { language: string }
      ).language;
    };
    try {
      expect(languageAfter('nl_BE.UTF-8', dutchPc)).toBe('nl');
      expect(languageAfter('C.UTF-8', englishPc)).toBe('en');
      // The folder keeps the language it has, whatever the locale of a later start.
      expect(languageAfter('C.UTF-8', dutchPc)).toBe('nl');
      expect(languageAfter('nl_NL.UTF-8', englishPc)).toBe('en');
    } finally {
      for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('ends normally when what reads its output stops early (koppel … | head)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-cli-pipe-'));
    try {
      const child = spawn(process.execPath, [bin, 'templates', 'list', '--data-dir', dataDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The reading end is closed before the command writes its first line.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).not.toContain('EPIPE');
      expect(code).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps `koppel schedule` running until it is stopped, then stops cleanly', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-cli-schedule-'));
    try {
      const child = spawn(process.execPath, [bin, 'schedule', '--data-dir', dataDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      let exited = false;
      void closed.then(() => (exited = true));
      while (!stdout.includes('Press Ctrl+C to stop.') && !exited)
        await new Promise((resolve) => setTimeout(resolve, 50));
      // It ended by itself after ~2 s once: nothing it waited on held the process open.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect({ exited, stderr }).toEqual({ exited: false, stderr: '' });
      child.kill('SIGINT');
      expect(await closed).toBe(0);
      expect(stdout).toContain('Stopping: waiting for running flows to finish their current records…');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  // A checkout whose bundle is older than its sources (after a pull, before `npm run build`) runs
  // the TypeScript sources: the commands that load the app must work there too.
  it('loads the app from the TypeScript sources as from the bundle', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-cli-source-'));
    try {
      const result = spawnSync(process.execPath, [bin, 'runs', 'list', '--data-dir', dataDir], {
        encoding: 'utf8',
        env: { ...process.env, KOPPEL_FROM_SOURCE: '1' },
      });
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('No runs yet.');
      expect(result.status).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

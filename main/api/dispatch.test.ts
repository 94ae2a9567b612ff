import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { createApp, type App } from '../app/create-app';
import { silentLogger } from '../app/logger';

describe('dispatcher', () => {
  let app: App;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-dispatch-'));
    app = await createApp({ host: 'cli', dataDir, logger: silentLogger });
  });
  afterAll(async () => {
    await app.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a valid call with the parsed output', async () => {
    const result = await app.dispatch('app.info', {});
    expect(result).toMatchObject({ ok: true, output: { name: 'Koppel', host: 'cli', dataDir } });
  });

  it('refuses an unknown call with unknown_call', async () => {
    const result = await app.dispatch('flows.explode', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown_call',
        message: 'Unknown call "flows.explode".',
        text: { code: 'unknownCall', params: { name: '"flows.explode"' } },
      },
    });
    expect(!result.ok && apiMessageIn(result.error, 'nl')).toBe('Onbekende aanroep "flows.explode".');
  });

  it('refuses a name that is not a string', async () => {
    const result = await app.dispatch(42, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('unknown_call');
  });

  it('refuses invalid input and names the field', async () => {
    const result = await app.dispatch('settings.update', { retentionDays: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('retentionDays');
    expect(result.error.detail).toEqual([expect.objectContaining({ path: 'retentionDays' })]);
    // The same failure in Dutch: zod's own words for the bound, in Dutch.
    expect(apiMessageIn(result.error, 'nl')).toBe(
      'Ongeldige invoer voor settings.update: retentionDays: Te klein: verwacht dat number >=1 is',
    );
  });

  it('refuses unknown input keys on strict calls', async () => {
    const result = await app.dispatch('settings.update', { colour: 'red' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid_input');
  });

  it('refuses a non-https link for openExternal', async () => {
    const result = await app.dispatch('app.openExternal', { url: 'file:///etc/passwd' });
    expect(!result.ok && result.error.code).toBe('invalid_input');
  });

  it('persists settings updates and emits settings.changed', async () => {
    const seen: unknown[] = [];
    const off = app.ctx.bus.on('settings.changed', (settings) => seen.push(settings.language));
    const result = await app.dispatch('settings.update', { language: 'nl' });
    off();
    expect(result).toMatchObject({ ok: true, output: { language: 'nl' } });
    expect(seen).toEqual(['nl']);
    const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as {
      language: string;
    };
    expect(stored.language).toBe('nl');
  });
});

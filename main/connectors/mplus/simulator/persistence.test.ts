import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMplusClient } from '../client';
import { startMplusTwin } from './twin';

/** The state file keeps the built-in sandbox across restarts. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-mplus-twin-'));

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const clientOf = (twin: { url: string; ident: string; secret: string }) =>
  createMplusClient({ url: twin.url, ident: twin.ident, secret: twin.secret, maxRetries: 0 });

describe('stateFile', () => {
  it('survives a restart with every change, counters included', async () => {
    const stateFile = path.join(dir, 'restart', 'mplus.json');
    const first = await startMplusTwin({ stateFile, seed: 21 });
    const created = await clientOf(first).createRelation({ name: 'Blijvend' });
    if (created.kind !== 'created') throw new Error('not created');
    const markers = await clientOf(first).getCurrentSyncMarkers();
    await first.close();
    expect(fs.existsSync(stateFile)).toBe(true);

    const second = await startMplusTwin({ stateFile, seed: 999 });
    try {
      const client = clientOf(second);
      expect(await client.getRelation(created.relationNumber)).toMatchObject({ name: 'Blijvend' });
      expect(await client.getCurrentSyncMarkers()).toEqual(markers);
      const next = await client.createRelation({ name: 'Daarna' });
      expect(next).toMatchObject({
        kind: 'created',
        relationNumber: created.relationNumber + 1,
        syncMarker: (created.syncMarker ?? 0) + 1,
      });
      const pages = [];
      for await (const page of client.iterateRelations({ limit: 100 })) pages.push(...page.records);
      expect(pages.at(-1)?.record.name).toBe('Daarna');
    } finally {
      await second.close();
    }
  });

  it('saves shortly after a write, before close', async () => {
    const stateFile = path.join(dir, 'debounce.json');
    const twin = await startMplusTwin({ stateFile });
    try {
      await clientOf(twin).createRelation({ name: 'Snel opgeslagen' });
      await expect
        .poll(() => fs.readFileSync(stateFile, 'utf8').includes('Snel opgeslagen'), { timeout: 5000 })
        .toBe(true);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    } finally {
      await twin.close();
    }
  });

  it('keeps an unreadable state file aside and starts from the seed', async () => {
    const stateFile = path.join(dir, 'broken.json');
    fs.writeFileSync(stateFile, JSON.stringify({ format: 'koppel-mplus-twin@1', seed: 1 }));
    const warnings: string[] = [];
    const twin = await startMplusTwin({ stateFile, seed: 2, onWarning: (m) => warnings.push(m) });
    try {
      expect((await clientOf(twin).getRelations()).length).toBeGreaterThan(0);
      const aside = fs.readdirSync(dir).filter((f) => f.startsWith('broken.json.invalid-'));
      expect(aside).toHaveLength(1);
      expect(warnings).toEqual([
        expect.stringMatching(
          /broken\.json is not a valid state \(size: .*\); kept as .*invalid-.*, reseeding/,
        ),
      ]);
    } finally {
      await twin.close();
    }
    const reloaded = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { seed: number };
    expect(reloaded.seed).toBe(2);
  });

  it('rejects a state file whose records break the WSDL types', async () => {
    const stateFile = path.join(dir, 'typed.json');
    const twin = await startMplusTwin({ stateFile });
    await twin.close();
    const data = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { relations: Record<string, unknown>[] };
    const first = data.relations[0];
    if (first) first.relationNumber = 'five';
    fs.writeFileSync(stateFile, JSON.stringify(data));
    const warnings: string[] = [];
    const again = await startMplusTwin({ stateFile, onWarning: (m) => warnings.push(m) });
    await again.close();
    expect(fs.readdirSync(dir).some((f) => f.startsWith('typed.json.invalid-'))).toBe(true);
    expect(warnings[0]).toContain('relations[0].relationNumber: "five" is not an xsd:long');
  });
});

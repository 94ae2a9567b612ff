import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE, cliEntry } from '../../../bin/cli-entry.js';

const roots: string[] = [];

/** A checkout with sources, package.json and (unless told otherwise) a bundle, all dated `at` (s). */
function checkout(at: number, withBundle = true, withSources = true): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-cli-entry-'));
  roots.push(root);
  const files = ['package.json'];
  if (withSources) files.push('main/hosts/cli/index.ts', 'main/engine/engine.ts', 'shared/flow/flow.json');
  if (withBundle) files.push(BUNDLE);
  for (const file of files) {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, '');
    fs.utimesSync(full, at, at);
  }
  return root;
}

const touch = (root: string, file: string, at: number) => fs.utimesSync(path.join(root, file), at, at);

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('cliEntry', () => {
  it('runs the bundle while it is as new as every source file', () => {
    const root = checkout(1_000);
    expect(cliEntry(root, {})).toEqual({ kind: 'bundle', file: path.join(root, BUNDLE) });
  });

  it('runs the sources once any of them, or package.json, is newer than the bundle', () => {
    for (const file of ['main/engine/engine.ts', 'shared/flow/flow.json', 'package.json']) {
      const root = checkout(1_000);
      touch(root, file, 2_000);
      expect(cliEntry(root, {})).toEqual({
        kind: 'source',
        file: path.join(root, 'main/hosts/cli/index.ts'),
      });
    }
  });

  it('runs the sources without a bundle, or when told to', () => {
    expect(cliEntry(checkout(1_000, false), {}).kind).toBe('source');
    expect(cliEntry(checkout(1_000), { KOPPEL_FROM_SOURCE: '1' }).kind).toBe('source');
  });

  it('runs the bundle of a copy without sources', () => {
    expect(cliEntry(checkout(1_000, true, false), {}).kind).toBe('bundle');
  });
});

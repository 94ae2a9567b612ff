import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../app/paths';
import { validateFlowDocument } from '../../engine/validation';
import { createNodeRegistry } from '..';
import { TEMPLATE_IDS, templates } from './harness';

const registry = createNodeRegistry();

describe('the shipped templates', () => {
  it('are exactly the nine of the catalogue, each carrying its file name as flow id', () => {
    const listed = templates.list();
    expect(listed.map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const template of listed) {
      expect(template.error).toBeNull();
      expect(template.flow?.id).toBe(template.id);
    }
  });

  it.each(TEMPLATE_IDS)('%s validates without errors or warnings', (id) => {
    const problems = validateFlowDocument(templates.get(id), registry.catalog);
    expect(problems).toEqual([]);
  });

  it.each(TEMPLATE_IDS)('%s uses only node kinds the engine has executors for', (id) => {
    for (const node of templates.get(id).nodes)
      expect(registry.get(node.kind, node.version), node.kind).toBeDefined();
  });

  it('are listed by `koppel templates list --json`', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-templates-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [path.join(appRoot(), 'bin', 'koppel.js'), 'templates', 'list', '--json', '--data-dir', dataDir],
        { timeout: 60_000 },
      );
      const lines = stdout.trim().split('\n');
      const listed = JSON.parse(lines[lines.length - 1] ?? '[]') as {
        id: string;
        name: string;
        description: string | null;
      }[];
      expect(listed.map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort());
      for (const template of listed) {
        expect(template.name).toBe(templates.get(template.id as (typeof TEMPLATE_IDS)[number]).name);
        expect(template.description?.length).toBeGreaterThan(20);
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

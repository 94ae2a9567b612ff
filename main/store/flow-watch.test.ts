import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlowChange } from '../../shared/api/events';
import { memoryFlow } from '../engine/testing/memory-flow';
import { confDocumentBackend } from './document-backend';
import { FlowStore } from './flow-store';
import { FlowWatch } from './flow-watch';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Two flow stores on one real `flows.json`, as two processes on a data folder have; a watch on the first. */
function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-flow-watch-'));
  const here = new FlowStore(confDocumentBackend(dir, 'flows'));
  const elsewhere = new FlowStore(confDocumentBackend(dir, 'flows'));
  const seen: FlowChange[][] = [];
  // What onProblem heard: each error, and `undefined` once the file read again.
  const problems: unknown[] = [];
  const watch = new FlowWatch({
    flows: here,
    onChanges: (changes) => seen.push(changes),
    onProblem: (problem) => problems.push(problem),
    pollMs: 20,
  });
  cleanups.push(() => {
    watch.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir, here, elsewhere, watch, seen, problems };
}

describe('FlowWatch', () => {
  it('tells this process’s saves, renames and deletes at once, each once', () => {
    const { here, watch, seen } = setup();
    here.save(memoryFlow({ id: 'orders', name: 'Orders' }));
    watch.start();
    expect(seen).toEqual([]);

    const saved = here.save({ ...memoryFlow({ id: 'orders', name: 'Orders' }), revision: 1 });
    here.save(memoryFlow({ id: 'stock', name: 'Stock' }));
    here.save({ ...saved, name: 'Orders to Teamleader' });
    here.delete('stock');
    expect(seen).toEqual([
      [{ id: 'orders', name: 'Orders', revision: 2 }],
      [{ id: 'stock', name: 'Stock', revision: 1 }],
      [{ id: 'orders', name: 'Orders to Teamleader', revision: 3 }],
      [{ id: 'stock', name: 'Stock', revision: null }],
    ]);
    // Nothing changed since: a check finds nothing to tell.
    watch.check();
    expect(seen).toHaveLength(4);
  });

  it('tells another process’s save and delete by looking at the file', async () => {
    const { here, elsewhere, watch, seen } = setup();
    here.save(memoryFlow({ id: 'orders', name: 'Orders' }));
    watch.start();

    const theirs = elsewhere.save({ ...memoryFlow({ id: 'orders', name: 'Orders' }), revision: 1 });
    await vi.waitFor(() => expect(seen).toEqual([[{ id: 'orders', name: 'Orders', revision: 2 }]]), {
      timeout: 3000,
    });
    expect(theirs.revision).toBe(2);

    elsewhere.delete('orders');
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([{ id: 'orders', name: 'Orders', revision: null }]), {
      timeout: 3000,
    });
    expect(seen).toHaveLength(2);
  });

  it('tells no change while the file does not read, only why (and once when it reads again); nor a flow edited by hand into one that does not', async () => {
    const { dir, here, watch, seen, problems } = setup();
    here.save(memoryFlow({ id: 'orders', name: 'Orders' }));
    here.save(memoryFlow({ id: 'stock', name: 'Stock' }));
    watch.start();
    const file = path.join(dir, 'flows.json');
    const good = fs.readFileSync(file, 'utf8');

    fs.writeFileSync(file, '{ "flows": {');
    await vi.waitFor(() => expect(problems.length).toBeGreaterThan(0), { timeout: 3000 });
    expect(seen).toEqual([]);
    // Why, in words that name the file.
    expect(problems[0]).toMatchObject({ code: 'invalid_input', text: { code: 'documentNotJson' } });
    expect(String((problems[0] as Error).message)).toContain(file);

    // Back, with one flow broken by hand: that flow is neither gone nor changed.
    const stored = JSON.parse(good) as { flows: Record<string, Record<string, unknown>> };
    stored.flows.stock = { ...stored.flows.stock, nodes: 'none' };
    fs.writeFileSync(file, JSON.stringify(stored));
    const before = problems.length;
    watch.check();
    // The file reads again: told once, as mended; that one flow is the flow list's business.
    expect(problems.slice(before)).toEqual([undefined]);
    watch.check();
    expect(problems).toHaveLength(before + 1);
    expect(seen).toEqual([]);

    // Mended by hand to a new name: that is a change.
    stored.flows.stock = { ...JSON.parse(good).flows.stock, name: 'Stock levels' };
    fs.writeFileSync(file, JSON.stringify(stored));
    await vi.waitFor(() => expect(seen).toEqual([[{ id: 'stock', name: 'Stock levels', revision: 1 }]]), {
      timeout: 3000,
    });
  });
});

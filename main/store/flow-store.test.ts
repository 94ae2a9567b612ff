import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { memoryFlow } from '../engine/testing/memory-flow';
import { confDocumentBackend } from './document-backend';
import { FlowStore } from './flow-store';
import { koppelErrorOf } from '../../shared/api/testing/koppel-error-of';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A flow store on a real `flows.json` in a fresh folder, holding `stored` as written. */
function storeWith(stored: Record<string, unknown>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-flow-store-'));
  dirs.push(dir);
  const backend = confDocumentBackend(dir, 'flows');
  backend.write({ flows: stored });
  return new FlowStore(backend);
}

describe('the flow store’s failures', () => {
  it('name a flows.json that is not JSON, with what to do, and keep the last version Koppel read beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-flow-store-'));
    dirs.push(dir);
    const store = new FlowStore(confDocumentBackend(dir, 'flows'));
    const file = path.join(dir, 'flows.json');
    const backup = `${file}.bak`;
    store.save(memoryFlow({ id: 'first', name: 'First' }));
    // A first save has nothing to keep; the file is then broken by hand.
    expect(fs.existsSync(backup)).toBe(false);
    fs.writeFileSync(file, '{ "flows": {');
    const bare = koppelErrorOf(() => store.list());
    expect(bare.code).toBe('invalid_input');
    expect(bare.message).toMatch(
      new RegExp(
        `^Koppel cannot read ${escape(file)}: it is not valid JSON \\(.+\\)\\. Fix the file, or put back a copy from a backup\\.$`,
      ),
    );

    // Saved twice: the version before the last save is kept, and the message offers it.
    fs.rmSync(file);
    store.save(memoryFlow({ id: 'first', name: 'First' }));
    store.save(memoryFlow({ id: 'second', name: 'Second' }));
    fs.writeFileSync(file, '{ "flows": {');
    const error = koppelErrorOf(() => store.get('first'));
    expect(error.message).toMatch(
      new RegExp(
        `Fix the file, or put back ${escape(backup)}: the file as it was before Koppel last saved it\\.$`,
      ),
    );
    expect(apiMessageIn(error, 'nl')).toMatch(
      new RegExp(
        `^Koppel kan ${escape(file)} niet lezen: het is geen geldige JSON \\(.+\\)\\. Herstel het bestand, of zet ${escape(backup)} terug: `,
      ),
    );
    // Put back, it reads: the flows of the save before the last.
    fs.copyFileSync(backup, file);
    expect(store.list().map((flow) => flow.id)).toEqual(['first']);
  });

  it('refuse a flows.json that parses but holds no flows object, rather than read it as no flows and save over it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-flow-store-'));
    dirs.push(dir);
    const store = new FlowStore(confDocumentBackend(dir, 'flows'));
    const file = path.join(dir, 'flows.json');
    // No file yet, or an empty document: no flows, no complaint.
    expect(store.list()).toEqual([]);
    fs.writeFileSync(file, '{}');
    expect(store.list()).toEqual([]);
    store.save(memoryFlow({ id: 'first', name: 'First' }));
    store.save(memoryFlow({ id: 'second', name: 'Second' }));

    for (const text of ['{ "flow": {} }', '{ "flows": [] }', '"flows"']) {
      fs.writeFileSync(file, text);
      const error = koppelErrorOf(() => store.list());
      expect(error).toMatchObject({ code: 'invalid_input', text: { code: 'flowsFileShape' } });
      expect(error.message).toBe(
        `Koppel cannot read ${file}: it holds no "flows" object, as Koppel writes it. Fix the file, or put back ${file}.bak: the file as it was before Koppel last saved it.`,
      );
      expect(apiMessageIn(error, 'nl')).toBe(
        `Koppel kan ${file} niet lezen: er staat geen "flows"-object in, zoals Koppel het schrijft. Herstel het bestand, of zet ${file}.bak terug: het bestand zoals het was voordat Koppel het laatst opsloeg.`,
      );
      // Nothing saved over what the user wrote.
      expect(() => store.save(memoryFlow({ id: 'third', name: 'Third' }))).toThrow(/holds no "flows" object/);
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
    }
  });

  it('name a stored flow that does not read, with zod’s words in each language', () => {
    const store = storeWith({ bad: { schemaVersion: 2, id: 'bad', name: 'Bad', nodes: 'none' } });
    const error = koppelErrorOf(() => store.get('bad'));
    expect(error).toMatchObject({
      code: 'invalid_flow',
      message:
        'Stored flow bad: Flow "Bad" is not a valid flow document: nodes: Invalid input: expected array, received string',
      text: { code: 'storedFlowUnreadable' },
    });
    expect(apiMessageIn(error, 'nl')).toBe(
      'Opgeslagen flow bad: Flow "Bad" is geen geldig flowdocument: nodes: Ongeldige invoer: verwacht array, ontving string',
    );
    // The others still read.
    expect(store.load().errors.map((failure) => failure.id)).toEqual(['bad']);
  });

  it('word a migration step’s own complaint in Dutch too', () => {
    const store = storeWith({ old: { version: 1, id: 'old', steps: [], trigger: { every: 'soon' } } });
    const error = koppelErrorOf(() => store.get('old'));
    expect(error.message).toBe(
      'Stored flow old: Version-1 trigger "every: soon" is not like "15m", "2h" or "1d".',
    );
    expect(apiMessageIn(error, 'nl')).toBe(
      'Opgeslagen flow old: Versie-1-trigger "every: soon" lijkt niet op "15m", "2h" of "1d".',
    );
  });

  it('say which flow is missing and which save came too late', () => {
    const store = storeWith({});
    const missing = koppelErrorOf(() => store.require('ghost'));
    expect(missing).toMatchObject({ code: 'not_found', message: 'There is no flow with id ghost.' });
    expect(apiMessageIn(missing, 'nl')).toBe('Er is geen flow met id ghost.');

    const saved = store.save(memoryFlow({ id: 'orders', name: 'Orders' }));
    store.save(saved);
    const stale = koppelErrorOf(() => store.save(saved));
    expect(stale).toMatchObject({ code: 'conflict', detail: { storedRevision: 2 } });
    expect(stale.message).toBe(
      'Flow "Orders" was changed elsewhere (stored revision 2, yours 1). Reload it, or save yours as a copy.',
    );
    expect(apiMessageIn(stale, 'nl')).toMatch(/^Flow "Orders" is elders gewijzigd \(opgeslagen revisie 2/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

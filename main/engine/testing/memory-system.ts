import fs from 'node:fs';
import type { JsonObject } from '../../../shared/flow/json';

/** A record held by the in-memory test system. */
export interface MemoryEntry {
  readonly id: string;
  readonly data: JsonObject;
  /** Increases on every change, across entities (like MplusKASSA's syncMarker). */
  readonly syncMarker: number;
  readonly updatedAt: string;
}

export type MemoryOperation = 'read' | 'create' | 'update' | 'find';

/** Test hooks: throw to inject a fault, await to hold the caller at that point. */
export interface MemoryHooks {
  before?(operation: MemoryOperation, entity: string, data?: JsonObject): void | Promise<void>;
  after?(operation: MemoryOperation, entity: string, entry?: MemoryEntry): void | Promise<void>;
}

interface LogLine {
  op: 'put';
  entity: string;
  entry: MemoryEntry;
  idempotencyKey?: string;
}

/**
 * An in-memory system to sync from and to, standing in for the real APIs in unit tests, the
 * benchmark and the child-process harness. It has the two exactly-once styles of the real
 * systems: idempotency keys (create replays the first answer) and look-up by reference. With
 * `file`, every change is appended to a JSON-lines file before the call returns, so the state
 * survives a SIGKILL of the process that wrote it.
 */
export class MemorySystem {
  private readonly entities = new Map<string, Map<string, MemoryEntry>>();
  private readonly byKey = new Map<string, string>();
  private marker = 0;
  private nextId = 1;
  hooks: MemoryHooks = {};
  /** How many calls of each kind were made (reads count pages). */
  readonly calls: Record<MemoryOperation, number> = { read: 0, create: 0, update: 0, find: 0 };

  constructor(private readonly file?: string) {
    if (file && fs.existsSync(file)) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        // A line cut short by a kill is the one write that did not happen.
        if (!line.trim()) continue;
        let parsed: LogLine;
        try {
          parsed = JSON.parse(line) as LogLine;
        } catch {
          continue;
        }
        this.apply(parsed);
      }
    }
  }

  /** Adds or changes source records without hooks (test setup). */
  seed(entity: string, records: readonly JsonObject[]): void {
    for (const data of records) {
      const id = typeof data.id === 'string' ? data.id : String(this.nextId++);
      this.put(entity, id, data);
    }
  }

  /** Records with a syncMarker above `after`, oldest change first. */
  async read(entity: string, after: number, limit: number): Promise<MemoryEntry[]> {
    this.calls.read++;
    await this.hooks.before?.('read', entity);
    const entries = [...this.collection(entity).values()]
      .filter((entry) => entry.syncMarker > after)
      .sort((a, b) => a.syncMarker - b.syncMarker)
      .slice(0, limit);
    await this.hooks.after?.('read', entity);
    return entries;
  }

  /** Creates a record; with a key seen before, answers the first result again (a replay). */
  async create(
    entity: string,
    data: JsonObject,
    idempotencyKey?: string,
  ): Promise<{ entry: MemoryEntry; replayed: boolean }> {
    this.calls.create++;
    await this.hooks.before?.('create', entity, data);
    const known = idempotencyKey === undefined ? undefined : this.byKey.get(`${entity}\n${idempotencyKey}`);
    const existing = known === undefined ? undefined : this.collection(entity).get(known);
    if (existing) {
      await this.hooks.after?.('create', entity, existing);
      return { entry: existing, replayed: true };
    }
    const entry = this.put(entity, `${entity}-${this.nextId++}`, data, idempotencyKey);
    await this.hooks.after?.('create', entity, entry);
    return { entry, replayed: false };
  }

  /** Changes the given fields of a record (the others stay). */
  async update(entity: string, id: string, data: JsonObject): Promise<MemoryEntry> {
    this.calls.update++;
    await this.hooks.before?.('update', entity, data);
    const current = this.collection(entity).get(id);
    if (!current) throw Object.assign(new Error(`${entity} ${id} does not exist.`), { status: 404 });
    const entry = this.put(entity, id, { ...current.data, ...data });
    await this.hooks.after?.('update', entity, entry);
    return entry;
  }

  /** The record whose `field` equals `value` (e.g. Koppel's reference), or undefined. */
  async find(entity: string, field: string, value: string): Promise<MemoryEntry | undefined> {
    this.calls.find++;
    await this.hooks.before?.('find', entity);
    const found = [...this.collection(entity).values()].find((entry) => entry.data[field] === value);
    await this.hooks.after?.('find', entity, found);
    return found;
  }

  /** Every record of an entity (test assertions). */
  list(entity: string): MemoryEntry[] {
    return [...this.collection(entity).values()];
  }

  get(entity: string, id: string): MemoryEntry | undefined {
    return this.collection(entity).get(id);
  }

  private collection(entity: string): Map<string, MemoryEntry> {
    let collection = this.entities.get(entity);
    if (!collection) {
      collection = new Map();
      this.entities.set(entity, collection);
    }
    return collection;
  }

  private put(entity: string, id: string, data: JsonObject, idempotencyKey?: string): MemoryEntry {
    const entry: MemoryEntry = {
      id,
      data: { ...data, id },
      syncMarker: ++this.marker,
      updatedAt: new Date().toISOString(),
    };
    const line: LogLine = {
      op: 'put',
      entity,
      entry,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    };
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`);
    this.apply(line);
    return entry;
  }

  private apply(line: LogLine): void {
    this.collection(line.entity).set(line.entry.id, line.entry);
    if (line.idempotencyKey !== undefined)
      this.byKey.set(`${line.entity}\n${line.idempotencyKey}`, line.entry.id);
    this.marker = Math.max(this.marker, line.entry.syncMarker);
    const numeric = Number(/-(\d+)$/.exec(line.entry.id)?.[1]);
    if (Number.isInteger(numeric)) this.nextId = Math.max(this.nextId, numeric + 1);
  }
}

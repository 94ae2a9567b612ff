import { describe, expect, it } from 'vitest';
import { FLOW_SCHEMA_VERSION } from './flow-document';
import { FlowMigrationError, flowIdInText, flowSchemaVersion, migrateFlow } from './migrations';

/** A document in the version-1 shape, as the first prototypes wrote it. */
const version1 = {
  version: 1,
  id: 'legacy-flow',
  title: 'POS orders to invoices',
  active: true,
  steps: [
    { id: 'go', type: 'core.trigger.schedule@1', x: 10, y: 20 },
    { id: 'src', type: 'test.source.memory', params: { entity: 'orders' }, name: 'POS orders' },
    { id: 'dst', type: 'test.target.memory@1', x: 500, y: 20, params: { entity: 'invoices' } },
  ],
  links: [
    { from: 'go', to: 'src' },
    { from: 'src:out', to: 'dst:in' },
  ],
  trigger: { every: '2h' },
  retries: 3,
  logPayloads: false,
};

describe('migrateFlow', () => {
  it('brings a version-1 document to the current schema', () => {
    expect(flowSchemaVersion(version1)).toBe(1);
    const flow = migrateFlow(version1);
    expect(flow.schemaVersion).toBe(FLOW_SCHEMA_VERSION);
    expect(flow.name).toBe('POS orders to invoices');
    expect(flow.enabled).toBe(true);
    expect(flow.nodes.map((node) => [node.id, node.kind, node.version])).toEqual([
      ['go', 'core.trigger.schedule', 1],
      ['src', 'test.source.memory', 1],
      ['dst', 'test.target.memory', 1],
    ]);
    expect(flow.nodes[0]?.position).toEqual({ x: 10, y: 20 });
    expect(flow.nodes[1]?.label).toBe('POS orders');
    expect(flow.nodes[2]?.config).toEqual({ entity: 'invoices' });
    expect(flow.edges).toEqual([
      { id: 'edge-1', source: 'go', sourcePort: 'out', target: 'src', targetPort: 'in' },
      { id: 'edge-2', source: 'src', sourcePort: 'out', target: 'dst', targetPort: 'in' },
    ]);
    expect(flow.schedule).toEqual({ kind: 'interval', everyMinutes: 120, timezone: 'Europe/Amsterdam' });
    expect(flow.settings.retry.attempts).toBe(4);
    expect(flow.settings.payloadLogging).toBe('metadata');
  });

  it('migrates a version-1 cron trigger with its time zone', () => {
    const flow = migrateFlow({ ...version1, trigger: { cron: '0 6 * * 1-5', tz: 'Europe/Brussels' } });
    expect(flow.schedule).toEqual({ kind: 'cron', cron: '0 6 * * 1-5', timezone: 'Europe/Brussels' });
  });

  it('leaves a current document as it is', () => {
    const current = migrateFlow(version1);
    expect(migrateFlow(JSON.parse(JSON.stringify(current)))).toEqual(current);
  });

  it('refuses a document from a newer Koppel', () => {
    expect(() => migrateFlow({ schemaVersion: 99, id: 'x', name: 'x' })).toThrow(/newer Koppel \(schema 99/);
  });

  it('names the field of an invalid document', () => {
    const error = catchError(() => migrateFlow({ ...version1, title: '' }));
    expect(error).toBeInstanceOf(FlowMigrationError);
    expect(error.message).toMatch(/name: Give the flow a name/);
  });

  it('words every issue of an invalid document as it words the first', () => {
    const error = catchError(() => migrateFlow({ schemaVersion: 2 }));
    expect(error).toBeInstanceOf(FlowMigrationError);
    expect(error instanceof FlowMigrationError && error.issues.slice(0, 2)).toEqual([
      { path: 'id', message: 'Missing: this field is required.' },
      { path: 'name', message: 'Missing: this field is required.' },
    ]);
  });

  it("never migrates today's shape as version 1 (that dropped every node)", () => {
    const current = JSON.parse(JSON.stringify(migrateFlow(version1))) as Record<string, unknown>;
    expect(current.nodes).toHaveLength(3);
    // Marker left out: read as the current shape, and the missing marker is named.
    const { schemaVersion: _left, ...unmarked } = current;
    expect(flowSchemaVersion(unmarked)).toBe(FLOW_SCHEMA_VERSION);
    expect(catchError(() => migrateFlow(unmarked)).message).toBe(
      'Flow "POS orders to invoices" is not a valid flow document: schemaVersion: Missing: this field is required.',
    );
    // Marked version 1 with nodes and no steps: refused, saying what to set.
    const error = catchError(() => migrateFlow({ ...current, schemaVersion: 1 }));
    expect(error).toBeInstanceOf(FlowMigrationError);
    expect(error.message).toBe(
      'This flow says "schemaVersion": 1, but its nodes are under "nodes" (schema 1 lists them under "steps"): set "schemaVersion": 2.',
    );
    expect(error instanceof FlowMigrationError && error.words().problemNl).toBe(
      'Deze flow zegt "schemaVersion": 1, maar de nodes staan onder "nodes" (schema 1 zet ze onder "steps"): zet "schemaVersion": 2.',
    );
  });

  it("reads a flow file's id before the file is read as a flow", () => {
    expect(flowIdInText(JSON.stringify(version1))).toBe('legacy-flow');
    expect(flowIdInText('{ "id": 7 }')).toBeUndefined();
    expect(flowIdInText('[{ "id": "x" }]')).toBeUndefined();
    expect(flowIdInText('{ "id": "x"')).toBeUndefined();
  });

  it('explains a bad version-1 interval', () => {
    expect(() => migrateFlow({ ...version1, trigger: { every: 'hourly' } })).toThrow(
      /"every: hourly" is not like "15m"/,
    );
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}

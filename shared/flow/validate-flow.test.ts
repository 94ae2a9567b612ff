import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../nodes/all-nodes';
import type { FlowDocument } from './flow-document';
import { hasErrors, problemIn, type FlowProblem } from './flow-problem';
import { sampleFlow } from './testing/sample-flow';
import { validateFlow } from './validate-flow';

const codes = (problems: FlowProblem[]) => problems.map((problem) => problem.code);

function edit(change: (flow: FlowDocument) => void): FlowDocument {
  const flow = sampleFlow();
  change(flow);
  return flow;
}

/** The sample flow with its field mapper ("map") configured as given. */
function withMapConfig(config: Record<string, unknown>): FlowDocument {
  return edit((f) => {
    const map = f.nodes.find((node) => node.id === 'map');
    if (map) map.config = config;
  });
}

describe('validateFlow', () => {
  it('accepts the sample flow', () => {
    expect(validateFlow(sampleFlow(), nodeCatalog)).toEqual([]);
  });

  it('maps a config error to the node and the field', () => {
    const flow = withMapConfig({ fields: [{ target: '', source: { kind: 'path', path: 'x' } }] });
    const problems = validateFlow(flow, nodeCatalog);
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'node.config',
        nodeId: 'map',
        field: 'fields.0.target',
        message:
          'Flow "Orders": node "Map fields" (map), field "Fields › row 1 › target": Choose a target field.',
        text: expect.objectContaining({ code: 'nodeConfig' }),
      },
    ]);
    expect(problemIn(problems[0] as FlowProblem, 'nl')).toBe(
      'Flow "Orders": node "Velden koppelen" (map), veld "Velden › rij 1 › target": Kies een doelveld.',
    );
  });

  it('words every problem in Dutch, naming an unlabelled node by its kind’s Dutch label', () => {
    const flow = edit((f) => {
      const map = f.nodes.find((node) => node.id === 'map');
      if (map) {
        delete map.label;
        map.config = { fields: [{ target: 'a', source: { kind: 'path', path: 'x' } }], extra: 1 };
      }
      f.edges = f.edges.filter((edge) => edge.target !== 'map');
      f.edges.push({ id: 'loose', source: 'ghost', sourcePort: 'out', target: 'map', targetPort: 'in' });
      f.schedule = { kind: 'interval', everyMinutes: 15, timezone: 'Mars/Olympus' };
    });
    const problems = validateFlow(flow, nodeCatalog);
    const dutch = problems.map((problem) => problemIn(problem, 'nl'));
    expect(dutch).toEqual(
      expect.arrayContaining([
        'Flow "Orders": lijn loose wijst naar node "ghost", die niet in de flow staat.',
        'Flow "Orders": op de invoer van node "Velden koppelen" (map) is niets aangesloten.',
        'Flow "Orders": "Mars/Olympus" is geen tijdzone (bijv. Europe/Amsterdam).',
      ]),
    );
    // Every problem has its code, and no Dutch sentence is its English one.
    for (const [index, problem] of problems.entries()) {
      expect(problem.text, problem.message).toBeDefined();
      expect(dutch[index]).not.toBe(problem.message);
    }
  });

  it('reports a field mapped twice on the second row', () => {
    const flow = withMapConfig({
      fields: [
        { target: 'a', source: { kind: 'path', path: 'x' } },
        { target: 'a', source: { kind: 'constant', value: 1 } },
      ],
    });
    const [problem] = validateFlow(flow, nodeCatalog);
    expect(problem?.field).toBe('fields.1.target');
    expect(problem?.message).toMatch(/"a" is already mapped \(row 1\)/);
  });

  it('names an unknown kind and an unknown version', () => {
    const flow = edit((f) => {
      f.nodes.push({
        id: 'x',
        kind: 'core.transform.nope',
        version: 1,
        position: { x: 0, y: 0 },
        config: {},
      });
      const map = f.nodes.find((node) => node.id === 'map');
      if (map) map.version = 7;
    });
    const problems = validateFlow(flow, nodeCatalog);
    expect(problems.find((p) => p.code === 'node.unknownKind')?.message).toMatch(
      /unknown kind "core.transform.nope"/,
    );
    expect(problems.find((p) => p.code === 'node.unknownVersion')?.message).toMatch(
      /core.transform.map has no version 7 \(known: 1\)/,
    );
  });

  it('finds dangling edges and unknown ports', () => {
    const flow = edit((f) => {
      f.edges.push({ id: 'e9', source: 'map', sourcePort: 'out', target: 'ghost', targetPort: 'in' });
      f.edges.push({ id: 'e10', source: 'map', sourcePort: 'nope', target: 'invoices', targetPort: 'in' });
    });
    const problems = validateFlow(flow, nodeCatalog);
    expect(problems.find((p) => p.edgeId === 'e9')).toMatchObject({ code: 'edge.dangling' });
    expect(problems.find((p) => p.edgeId === 'e10')).toMatchObject({
      code: 'edge.unknownPort',
      nodeId: 'map',
    });
  });

  it('finds a cycle and marks its edges', () => {
    const flow = edit((f) => {
      f.nodes.push({
        id: 'code',
        kind: 'core.transform.code',
        version: 1,
        position: { x: 0, y: 0 },
        config: { code: 'return record;' },
      });
      f.edges.push({ id: 'c1', source: 'map', sourcePort: 'out', target: 'code', targetPort: 'in' });
      f.edges.push({ id: 'c2', source: 'code', sourcePort: 'out', target: 'map', targetPort: 'in' });
    });
    const cycle = validateFlow(flow, nodeCatalog).filter((p) => p.code === 'graph.cycle');
    expect(cycle.map((p) => p.edgeId).sort()).toEqual(['c1', 'c2']);
    expect(cycle[0]?.message).toMatch(/round in circles/);
  });

  it('refuses a port type mismatch', () => {
    // The trigger's "trigger" records cannot feed the test target's source-typed input… but the
    // target takes "any"; the test source expects "trigger", so feed it test records instead.
    const flow = edit((f) => {
      f.nodes.push({
        id: 'orders2',
        kind: 'test.source.memory',
        version: 1,
        position: { x: 0, y: 0 },
        config: {},
      });
      f.edges.push({ id: 'bad', source: 'orders', sourcePort: 'out', target: 'orders2', targetPort: 'in' });
      f.edges.push({
        id: 'e-out',
        source: 'orders2',
        sourcePort: 'out',
        target: 'invoices',
        targetPort: 'in',
      });
    });
    const problem = validateFlow(flow, nodeCatalog).find((p) => p.code === 'edge.portType');
    expect(problem).toMatchObject({ edgeId: 'bad', nodeId: 'orders2' });
    expect(problem?.message).toMatch(
      /sends "test.record" records, but node "Test source" \(orders2\) expects "trigger"/,
    );
  });

  it('carries the input type through pass-through transforms', () => {
    const flow = edit((f) => {
      f.nodes.push({
        id: 'filter',
        kind: 'core.transform.filter',
        version: 1,
        position: { x: 0, y: 0 },
        config: { conditions: [{ path: 'x', operator: 'exists' }] },
      });
      f.nodes.push({
        id: 'src2',
        kind: 'test.source.memory',
        version: 1,
        position: { x: 0, y: 0 },
        config: {},
      });
      f.edges.push({ id: 'f1', source: 'orders', sourcePort: 'out', target: 'filter', targetPort: 'in' });
      f.edges.push({ id: 'f2', source: 'filter', sourcePort: 'out', target: 'src2', targetPort: 'in' });
      f.edges.push({ id: 'f3', source: 'src2', sourcePort: 'out', target: 'invoices', targetPort: 'in' });
    });
    const problem = validateFlow(flow, nodeCatalog).find((p) => p.code === 'edge.portType');
    expect(problem?.edgeId).toBe('f2');
  });

  it('requires a trigger, connected inputs and a target after each source', () => {
    const flow = edit((f) => {
      f.nodes = f.nodes.filter((node) => node.id !== 'start' && node.id !== 'invoices');
      f.edges = f.edges.filter((edge) => edge.source !== 'start' && edge.target !== 'invoices');
    });
    expect(codes(validateFlow(flow, nodeCatalog)).sort()).toEqual([
      'flow.noTrigger',
      'node.notConnected',
      'source.noTarget',
    ]);
  });

  it('checks the schedule with the injected cron check and the time zone', () => {
    const flow = sampleFlow({
      schedule: { kind: 'cron', cron: 'every day', timezone: 'Europe/Amsterdam' },
      enabled: true,
    });
    const problems = validateFlow(flow, nodeCatalog, {
      checkCron: (cron) => (cron === 'every day' ? 'not a cron' : undefined),
    });
    expect(problems.find((p) => p.code === 'schedule.cron')?.message).toBe(
      'Flow "Orders": cron "every day": not a cron',
    );
    expect(problems.find((p) => p.code === 'schedule.noTrigger')?.severity).toBe('warning');
    const badZone = sampleFlow({ schedule: { kind: 'interval', everyMinutes: 5, timezone: 'Mars/Olympus' } });
    expect(codes(validateFlow(badZone, nodeCatalog))).toEqual(['schedule.timezone']);
  });

  it('reports syntax errors of expressions through the injected check, in both languages', () => {
    const flow = withMapConfig({
      fields: [
        { target: 'a', source: { kind: 'path', path: 'x' } },
        { target: 'b', source: { kind: 'expression', expression: 'record.x +' } },
      ],
    });
    const checked: string[] = [];
    const problems = validateFlow(flow, nodeCatalog, {
      checkScript: (form, source) => {
        checked.push(`${form}: ${source}`);
        return { line: 1, column: 11, message: 'Unexpected token' };
      },
    });
    expect(checked).toEqual(['expression: record.x +']);
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'node.scriptSyntax',
        nodeId: 'map',
        field: 'fields.1.source.expression',
        message:
          'Flow "Orders": node "Map fields" (map), field "Fields › row 2 › source › expression": syntax error on line 1, column 11: Unexpected token.',
        text: expect.objectContaining({ code: 'nodeScriptSyntax' }),
      },
    ]);
    expect(problemIn(problems[0] as FlowProblem, 'nl')).toBe(
      'Flow "Orders": node "Velden koppelen" (map), veld "Velden › rij 2 › source › expression": syntaxfout op regel 1, kolom 11: onverwacht teken.',
    );
    // Without a check (a host with no parser) nothing is claimed either way.
    expect(validateFlow(flow, nodeCatalog)).toEqual([]);
  });

  it("reports a node's connection that does not exist or is another system's, through the injected check", () => {
    const flow = edit((f) => {
      const orders = f.nodes.find((node) => node.id === 'orders');
      if (orders) Object.assign(orders, { kind: 'mplus.source.sales', config: { connectionId: 'shop-2' } });
    });
    const asked: string[] = [];
    const unknown = validateFlow(flow, nodeCatalog, {
      checkConnection: (kind, id) => {
        asked.push(`${kind}: ${id}`);
        return { reason: 'unknown', known: ['sandbox-mplus', 'tl'] };
      },
    });
    expect(asked).toEqual(['mplus: shop-2']);
    expect(unknown).toEqual([
      {
        severity: 'error',
        code: 'node.connection',
        nodeId: 'orders',
        field: 'connectionId',
        message:
          'Flow "Orders": node "MplusKASSA orders or invoices" (orders), field "Connection": there is no connection "shop-2" (known: sandbox-mplus, tl).',
        text: expect.objectContaining({ code: 'nodeConnectionUnknown' }),
      },
    ]);
    expect(problemIn(unknown[0] as FlowProblem, 'nl')).toBe(
      'Flow "Orders": node "MplusKASSA-orders of -facturen" (orders), veld "Verbinding": er is geen koppeling "shop-2" (bekend: sandbox-mplus, tl).',
    );
    const none = validateFlow(flow, nodeCatalog, {
      checkConnection: () => ({ reason: 'unknown', known: [] }),
    });
    expect(none[0]?.message).toContain('there is no connection "shop-2" (none set up yet).');
    const other = validateFlow(flow, nodeCatalog, {
      checkConnection: () => ({ reason: 'otherKind', kind: 'teamleader' }),
    });
    expect(other[0]?.message).toBe(
      'Flow "Orders": node "MplusKASSA orders or invoices" (orders), field "Connection": connection "shop-2" is a Teamleader connection; this node needs a MplusKASSA one.',
    );
    const sandboxOff = validateFlow(flow, nodeCatalog, { checkConnection: () => ({ reason: 'sandboxOff' }) });
    expect(problemIn(sandboxOff[0] as FlowProblem, 'nl')).toBe(
      'Flow "Orders": node "MplusKASSA-orders of -facturen" (orders), veld "Verbinding": koppeling "shop-2" hoort bij de sandbox, die uit staat in Instellingen: zet hem aan, of kies een andere koppeling.',
    );
    // A node on its default connection is asked about as such; a node of no system is not asked.
    const byDefault = edit((f) => {
      const orders = f.nodes.find((node) => node.id === 'orders');
      if (orders) Object.assign(orders, { kind: 'mplus.source.sales', config: {} });
    });
    const defaults: string[] = [];
    const noneOfKind = validateFlow(byDefault, nodeCatalog, {
      checkConnection: (kind, id) => {
        defaults.push(`${kind}: ${String(id)}`);
        return { reason: 'noneOfKind' };
      },
    });
    expect(defaults).toEqual(['mplus: undefined']);
    expect(noneOfKind).toEqual([
      expect.objectContaining({
        code: 'node.connection',
        nodeId: 'orders',
        field: 'connectionId',
        message:
          'Flow "Orders": node "MplusKASSA orders or invoices" (orders) has no MplusKASSA connection to use: connect one on the Connections screen, or turn the sandbox on in Settings.',
      }),
    ]);
    // Without a check nothing is claimed either way.
    expect(validateFlow(flow, nodeCatalog)).toEqual([]);
  });

  it('warns of a field mapper that maps nothing (its records would leave empty), without stopping the flow', () => {
    const flow = withMapConfig({});
    const problems = validateFlow(flow, nodeCatalog);
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'node.mapsNothing',
        nodeId: 'map',
        field: 'fields',
        message:
          'Flow "Orders": node "Map fields" (map) maps no fields, so its records leave empty: map at least one field, or turn on "Keep other fields".',
        text: expect.objectContaining({ code: 'nodeMapsNothing' }),
      },
    ]);
    expect(problemIn(problems[0] as FlowProblem, 'nl')).toBe(
      'Flow "Orders": node "Velden koppelen" (map) koppelt geen velden, dus zijn records gaan leeg verder: koppel minstens één veld, of zet "Overige velden behouden" aan.',
    );
    expect(hasErrors(problems)).toBe(false);
    // Keeping the other fields passes the record on: nothing to say.
    const keeping = withMapConfig({ keepUnmapped: true });
    expect(validateFlow(keeping, nodeCatalog)).toEqual([]);
  });

  it('warns of a setting the node kind does not know (a typo is dropped, so it would do nothing)', () => {
    const flow = withMapConfig({ keepUnmapped: true, keepUnmaped: false });
    const problems = validateFlow(flow, nodeCatalog);
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'node.unknownSetting',
        nodeId: 'map',
        field: 'keepUnmaped',
        message:
          'Flow "Orders": node "Map fields" (map) has a setting "keepUnmaped" that this kind of node does not know; it is ignored (a typo, or a setting of another Koppel version?).',
        text: expect.objectContaining({ code: 'nodeUnknownSetting' }),
      },
    ]);
    expect(problemIn(problems[0] as FlowProblem, 'nl')).toContain('heeft een instelling "keepUnmaped" die');
    expect(hasErrors(problems)).toBe(false);
  });

  it('warns of an unknown setting inside a table row, naming its path', () => {
    const flow = withMapConfig({
      fields: [{ target: 'a', source: { kind: 'path', path: 'x' }, onCreateOnyl: true }],
    });
    const problems = validateFlow(flow, nodeCatalog);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'node.unknownSetting',
        field: 'fields.0.onCreateOnyl',
      }),
    ]);
    expect(problems[0]?.message).toContain(
      'has a setting "Fields › row 1 › onCreateOnyl" that this kind of node does not know',
    );
  });

  it('lets warnings through and stops on errors', () => {
    expect(hasErrors([{ severity: 'warning', code: 'x', message: 'm' }])).toBe(false);
    expect(hasErrors([{ severity: 'error', code: 'x', message: 'm' }])).toBe(true);
  });
});

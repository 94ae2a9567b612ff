import { describe, expect, it } from 'vitest';
import { choicesKey } from '../../stores/reference-choices-store';
import { choicePlaceOf, choiceSettingOf } from './choice-setting';
import { edge, node, testCatalog } from './test-helpers';

const view = (nodes: ReturnType<typeof node>[], edges: ReturnType<typeof edge>[]) => ({
  nodes,
  edges,
  catalog: testCatalog,
  recordTypes: new Map(),
});

describe("a node's place for its pickers", () => {
  const source = node('orders', 'mplus.source.sales', 0, 0, { connectionId: 'till-2' });
  const tax = node('tax', 'rules.transform.tax');
  const invoice = node('invoice', 'teamleader.target.sales', 0, 0, {
    department: 'Koppel Demo BV',
    connectionId: 'tl-shop',
  });

  it('takes the target after it, that target’s department, and the connection each system’s nodes name', () => {
    const flow = view([source, tax, invoice], [edge('orders', 'tax'), edge('tax', 'invoice')]);
    expect(choicePlaceOf('tax', flow)).toEqual({
      target: 'teamleader',
      source: 'mplus',
      department: 'Koppel Demo BV',
      connections: { teamleader: 'tl-shop', mplus: 'till-2' },
    });
    // A target is its own target; a source has none after it here but still reads its own system.
    expect(choicePlaceOf('invoice', flow)).toMatchObject({ target: 'teamleader', source: 'mplus' });
    expect(choicePlaceOf('orders', flow)).toMatchObject({
      source: 'mplus',
      connections: { mplus: 'till-2' },
    });
  });

  it('has no target while nothing follows, and the default connection where no node names one', () => {
    const place = choicePlaceOf(
      'tax',
      view([node('orders', 'mplus.source.sales'), tax], [edge('orders', 'tax')]),
    );
    expect(place).toEqual({ source: 'mplus', connections: { teamleader: undefined, mplus: undefined } });
    const towardsTill = view([tax, node('order', 'mplus.target.sales')], [edge('tax', 'order')]);
    expect(choicePlaceOf('tax', towardsTill)).toEqual({
      target: 'mplus',
      connections: { teamleader: undefined, mplus: undefined },
    });
  });

  it('carries the lists read so far for its connections, and only those', () => {
    const place = choicePlaceOf(
      'tax',
      view([source, tax, invoice], [edge('orders', 'tax'), edge('tax', 'invoice')]),
    );
    const setting = choiceSettingOf(place, {
      [choicesKey('teamleader', 'tl-shop')]: { state: 'loading' },
      [choicesKey('mplus', undefined)]: { state: 'failed', reason: 'not this one' },
    });
    expect(setting).toEqual({
      target: 'teamleader',
      source: 'mplus',
      department: 'Koppel Demo BV',
      teamleader: { state: 'loading' },
    });
  });
});

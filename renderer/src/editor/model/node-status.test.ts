import { describe, expect, it } from 'vitest';
import type { FlowProblem } from '../../../../shared/flow/flow-problem';
import { nodeStatus, problemsByNode } from './node-status';
import { testCatalog } from './test-helpers';

const filter = testCatalog.get('core.transform.filter@1');
const problem = (code: string, severity: 'error' | 'warning' = 'error', nodeId = 'n1'): FlowProblem => ({
  severity,
  code,
  nodeId,
  message: code,
});

describe('node status', () => {
  it('calls a node with default config and config errors unconfigured', () => {
    const status = nodeStatus(
      [problem('node.config'), problem('node.notConnected')],
      { match: 'all', conditions: [] },
      filter,
    );
    expect(status).toEqual({ state: 'unconfigured', errors: 2, warnings: 0 });
  });

  it('calls an edited node with errors invalid, with only warnings warning, else ok', () => {
    const edited = { match: 'any', conditions: [] };
    expect(nodeStatus([problem('node.config')], edited, filter).state).toBe('invalid');
    expect(nodeStatus([problem('node.unreachable', 'warning')], edited, filter).state).toBe('warning');
    expect(nodeStatus([], edited, filter)).toEqual({ state: 'ok', errors: 0, warnings: 0 });
  });

  it('groups problems by node, flow-level ones under ""', () => {
    const grouped = problemsByNode([
      problem('a'),
      problem('b', 'error', 'n2'),
      { severity: 'error', code: 'flow.empty', message: '' },
    ]);
    expect([...grouped.keys()]).toEqual(['n1', 'n2', '']);
  });
});

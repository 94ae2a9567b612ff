import { describe, expect, it } from 'vitest';
import { copySelection, parseClipboard, pastePayload } from './clipboard';
import { edge, node } from './test-helpers';

describe('clipboard', () => {
  const nodes = [
    { ...node('a', 'core.trigger.manual', 0, 0), selected: true },
    {
      ...node('b', 'core.transform.map', 300, 0, {
        fields: [{ target: 'x', source: { kind: 'constant', value: 1 } }],
      }),
      selected: true,
    },
    node('c', 'core.transform.filter', 600, 0),
  ];
  const edges = [edge('a', 'b'), edge('b', 'c')];

  it('copies the selected nodes and only the edges between them', () => {
    const payload = copySelection(nodes, edges);
    expect(payload?.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(payload?.edges.map((e) => [e.source, e.target])).toEqual([['a', 'b']]);
    expect(
      copySelection(
        nodes.map((n) => ({ ...n, selected: false })),
        edges,
      ),
    ).toBeNull();
  });

  it('survives the trip through text and ignores foreign text', () => {
    const payload = copySelection(nodes, edges);
    expect(parseClipboard(JSON.stringify(payload))).toEqual(payload);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"koppel":"nodes@1","nodes":[],"edges":[]}')).toBeNull();
  });

  it('pastes copies with new ids, re-pointed edges, an offset and deep-copied config', () => {
    const payload = copySelection(nodes, edges);
    if (!payload) throw new Error('copied');
    let counter = 0;
    const pasted = pastePayload(payload, () => `new${++counter}`, { x: 40, y: 40 });
    expect(pasted.nodes.map((n) => [n.id, n.position, n.selected])).toEqual([
      ['new1', { x: 40, y: 40 }, true],
      ['new2', { x: 340, y: 40 }, true],
    ]);
    expect(pasted.edges).toEqual([expect.objectContaining({ id: 'new3', source: 'new1', target: 'new2' })]);
    expect(pasted.nodes[1]?.data.config).toEqual(payload.nodes[1]?.config);
    expect(pasted.nodes[1]?.data.config).not.toBe(payload.nodes[1]?.config);
  });
});

import { describe, expect, it } from 'vitest';
import { createNode, renameNode, selectOnly, updateNodeConfig } from '../store/graph-ops';
import { createCanvasNodesSelector, nodeDataOf } from './canvas-nodes';

const nodes = [createNode('trigger', { x: 0, y: 0 }, () => 't'), createNode('message', { x: 300, y: 0 }, () => 'm')];

describe('nodes as React Flow sees them', () => {
  it('when only a config or a name changes, then React Flow gets the very same array', () => {
    const select = createCanvasNodesSelector();
    const first = select({ nodes });
    const config = { ...nodes[1]!.data.config, text: 'Olá' } as never;
    const edited = updateNodeConfig(nodes, [], 'm', config).nodes;
    expect(select({ nodes: edited })).toBe(first);
    expect(select({ nodes: renameNode(edited, 'm', 'Saudação') })).toBe(first);
    expect(first[1]!.data).toEqual({ type: 'message' });
    expect(nodeDataOf(edited, 'm')?.config).toMatchObject({ text: 'Olá' });
  });

  it('when a node moves or is selected, then only that node is new', () => {
    const select = createCanvasNodesSelector();
    const first = select({ nodes });
    const moved = nodes.map((n) => (n.id === 'm' ? { ...n, position: { x: 320, y: 16 } } : n));
    const second = select({ nodes: moved });
    expect(second).not.toBe(first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]!.position).toEqual({ x: 320, y: 16 });
    const selected = select({ nodes: selectOnly(moved, new Set(['t'])) });
    expect(selected[0]!.selected).toBe(true);
    expect(selected[1]).toBe(second[1]);
  });
});

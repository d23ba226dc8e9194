import { describe, expect, it } from 'vitest';
import type { FlowNodeData } from '../store/editor-types';
import { createNode, renameNode, selectOnly, updateNodeConfig } from '../store/graph-ops';
import { createCanvasNodesSelector, nodeDataOf } from './canvas-nodes';

const nodes = [createNode('trigger', { x: 0, y: 0 }, () => 't'), createNode('message', { x: 300, y: 0 }, () => 'm')];
const names = { step: (d: FlowNodeData) => d.name ?? d.type, stepRole: { 'aria-roledescription': 'etapa' } };

describe('nodes as React Flow sees them', () => {
  it('when only a config changes, then React Flow gets the very same array', () => {
    const select = createCanvasNodesSelector(names);
    const first = select({ nodes });
    const config = { ...nodes[1]!.data.config, text: 'Olá' } as never;
    const edited = updateNodeConfig(nodes, [], 'm', config).nodes;
    expect(select({ nodes: edited })).toBe(first);
    expect(first[1]!.data).toEqual({ type: 'message' });
    expect(nodeDataOf(edited, 'm')?.config).toMatchObject({ text: 'Olá' });
  });

  it('when a step is renamed, then only its node is new, and a screen reader calls it by the new name', () => {
    const select = createCanvasNodesSelector(names);
    const first = select({ nodes });
    expect(first.map((n) => [n.ariaLabel, n.domAttributes])).toEqual([
      ['trigger', { 'aria-roledescription': 'etapa' }],
      ['message', { 'aria-roledescription': 'etapa' }],
    ]);
    const renamed = select({ nodes: renameNode(nodes, 'm', 'Saudação') });
    expect(renamed[0]).toBe(first[0]);
    expect(renamed[1]!.ariaLabel).toBe('Saudação');
  });

  it('when a node moves or is selected, then only that node is new', () => {
    const select = createCanvasNodesSelector(names);
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

import { describe, expect, it } from 'vitest';
import { makeEdge } from './document-convert';
import type { EditorEdge, EditorNode } from './editor-types';
import * as ops from './graph-ops';

let seq = 0;
const ids = (prefix: string) => `${prefix}-${++seq}`;
const node = (id: string, type: EditorNode['data']['type'] = 'message', selected = false): EditorNode => ({
  ...ops.createNode(type, { x: 0, y: 0 }, () => id),
  selected,
});
const edge = (source: string, sourceHandle: string, target: string): EditorEdge =>
  makeEdge({ id: `${source}.${sourceHandle}`, source, sourceHandle, target });

describe('graph-ops', () => {
  it('when a node is added, then it gets the type defaults and becomes the only selection', () => {
    const created = ops.createNode('trigger', { x: 13, y: 30 }, ids);
    expect(created.data).toEqual({ type: 'trigger', config: { keywords: [], newContact: false, fallback: false, channelIds: [], priority: 0 } });
    expect(created.position).toEqual({ x: 16, y: 32 }); // snapped to the 16px grid
    const nodes = ops.addNode([node('a', 'message', true)], created);
    expect(nodes.map((n) => [n.id, n.selected])).toEqual([['a', false], [created.id, true]]);
  });

  it('when a handle is connected again, then the new edge replaces its old one', () => {
    const first = ops.connect([], { source: 'a', sourceHandle: 'next', target: 'b' });
    const other = ops.connect(first, { source: 'a', sourceHandle: 'btn:x', target: 'b' });
    const replaced = ops.connect(other, { source: 'a', sourceHandle: 'next', target: 'c' });
    expect(replaced.map((e) => [e.sourceHandle, e.target])).toEqual([['btn:x', 'b'], ['next', 'c']]);
    expect(new Set(replaced.map((e) => e.id)).size).toBe(2);
  });

  it('when nodes are removed, then the edges touching them go too', () => {
    const nodes = [node('a'), node('b'), node('c')];
    const edges = [edge('a', 'next', 'b'), edge('b', 'next', 'c'), edge('c', 'next', 'a')];
    const out = ops.removeWithEdges(nodes, edges, new Set(['b']));
    expect(out.nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(out.edges.map((e) => e.id)).toEqual(['c.next']);
  });

  it('when the selection is removed, then selected edges go as well', () => {
    const nodes = [node('a'), node('b', 'message', true)];
    const edges = [{ ...edge('a', 'next', 'b'), selected: false }, { ...edge('b', 'next', 'a'), selected: true }];
    expect(ops.removeSelection(nodes, edges)).toEqual({ nodes: [nodes[0]], edges: [] });
  });

  it('when a selection is duplicated, then copies get fresh ids, an offset and their inner edges', () => {
    const nodes = [node('a', 'message', true), node('b', 'message', true), node('c')];
    const edges = [edge('a', 'next', 'b'), edge('b', 'next', 'c')];
    const out = ops.duplicateSelection(nodes, edges, { x: 32, y: 32 }, ids);
    const copies = out.nodes.slice(3);
    expect(copies).toHaveLength(2);
    expect(copies.every((n) => !['a', 'b', 'c'].includes(n.id) && n.selected)).toBe(true);
    expect(copies.map((n) => n.position)).toEqual([{ x: 32, y: 32 }, { x: 32, y: 32 }]);
    expect(out.nodes.slice(0, 3).every((n) => !n.selected)).toBe(true);
    // Only the edge between copied nodes is copied, re-pointed at the copies.
    const copied = out.edges.slice(2);
    expect(copied).toEqual([expect.objectContaining({ source: copies[0]!.id, target: copies[1]!.id, sourceHandle: 'next' })]);
  });

  it('when a clipboard is pasted twice, then every paste gets new ids', () => {
    const clip = ops.copySelection([node('a', 'message', true)], [])!;
    const once = ops.paste([], [], clip, { x: 32, y: 32 }, ids);
    const twice = ops.paste(once.nodes, once.edges, clip, { x: 64, y: 64 }, ids);
    expect(new Set(twice.nodes.map((n) => n.id)).size).toBe(2);
    expect(twice.nodes[1]!.position).toEqual({ x: 64, y: 64 });
  });

  it('when nothing is selected, then copy gives nothing', () => {
    expect(ops.copySelection([node('a')], [])).toBeNull();
  });

  it('when a button is deleted from a message, then the edge from its handle is dropped', () => {
    const msg = node('m');
    const config = { ...msg.data.config, text: 'hi', buttons: [{ id: 'y', title: 'Yes' }, { id: 'n', title: 'No' }] };
    const edges = [edge('m', 'btn:y', 'a'), edge('m', 'btn:n', 'b')];
    const withBoth = ops.updateNodeConfig([msg], edges, 'm', config as never);
    expect(withBoth.edges).toHaveLength(2);
    const onlyYes = ops.updateNodeConfig(withBoth.nodes, withBoth.edges, 'm', { ...config, buttons: [config.buttons[0]] } as never);
    expect(onlyYes.edges.map((e) => e.sourceHandle)).toEqual(['btn:y']);
  });

  it('when a step is renamed, then the name is kept; an empty name removes it', () => {
    const named = ops.renameNode([node('a')], 'a', 'Ask the order');
    expect(named[0]!.data.name).toBe('Ask the order');
    expect('name' in ops.renameNode(named, 'a', '  ')[0]!.data).toBe(false);
  });

  it('when a node is added from an output, then it is connected and selected in one change', () => {
    const added = ops.addConnectedNode([node('a', 'message', true)], [], node('b'), { source: 'a', sourceHandle: 'next' });
    expect(added.nodes.map((n) => [n.id, n.selected])).toEqual([['a', false], ['b', true]]);
    expect(added.edges.map((e) => [e.source, e.sourceHandle, e.target])).toEqual([['a', 'next', 'b']]);
  });

  it('when a node has outputs, then the first one without a connection is its free output', () => {
    const menu = { ...node('m'), data: { type: 'message' as const, config: { ...node('m').data.config, buttons: [{ id: 'x', title: 'X' }, { id: 'y', title: 'Y' }] } } } as EditorNode;
    expect(ops.freeOutput(menu, [])).toBe('btn:x');
    expect(ops.freeOutput(menu, [edge('m', 'btn:x', 'b')])).toBe('btn:y');
    expect(ops.freeOutput(node('t', 'transfer'), [])).toBeNull();
  });

  it('when layout positions are applied, then they are kept exactly (the routes fit them) and unknown nodes stay put', () => {
    const moved = ops.applyPositions([node('a'), node('b')], new Map([['a', { x: 101, y: 49 }]]));
    expect(moved.map((n) => n.position)).toEqual([{ x: 101, y: 49 }, { x: 0, y: 0 }]);
  });
});

import { validateFlow } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { fromFlowDocument, toFlowDocument } from '../store/document-convert';
import { groupProblems } from './group-problems';

const doc = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, config: { keywords: [] } },
    { id: 'menu', name: 'Menu principal', type: 'message', position: { x: 300, y: 0 }, config: { text: '', buttons: [{ id: 'a', title: '' }] } },
    { id: 'bye', type: 'message', position: { x: 600, y: 0 }, config: { text: 'Tchau' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
    { id: 'e2', source: 'menu', sourceHandle: 'btn:gone', target: 'bye' },
  ],
  settings: {},
};

describe('grouping problems', () => {
  it('when a flow has errors and warnings on several steps, then errors come first, each step once, under its own name', () => {
    const snap = fromFlowDocument(doc);
    const problems = validateFlow(toFlowDocument(snap));
    const grouped = groupProblems(problems, snap.nodes, snap.edges, 'pt-BR');
    expect(grouped.map((g) => g.severity)).toEqual(['error', 'warning']);
    const errors = grouped[0]!;
    expect(errors.count).toBe(problems.filter((p) => p.severity === 'error').length);
    const titles = errors.groups.map((g) => `${g.title}${g.connection ? ' (connection)' : ''}`);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toContain('Menu principal');
    expect(titles).toContain('Gatilho');
    expect(titles).toContain('Menu principal (connection)');
    expect(grouped[1]!.groups.map((g) => g.nodeId)).toContain('bye');
    // An unnamed step is told apart by its card's text; a named one by its name alone.
    expect(grouped[1]!.groups.find((g) => g.nodeId === 'bye')).toMatchObject({ title: 'Mensagem', detail: 'Tchau' });
    expect(errors.groups.find((g) => g.nodeId === 'menu')!.detail).toBeNull();
  });

  it('when there are no problems, then there are no groups', () => {
    expect(groupProblems([], [], [], 'en')).toEqual([]);
  });
});

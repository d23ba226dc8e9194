import { emptyFlow, nodeRegistry } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { fromFlowDocument, toFlowDocument } from '../store/document-convert';
import { diffFlows, isEmptyDiff, stableJson } from './flow-diff';

function live() {
  const doc = emptyFlow();
  doc.nodes.push(
    { id: 'hi', type: 'message', position: { x: 300, y: 0 }, config: { ...nodeRegistry.message.defaults(), text: 'Oi' } },
    { id: 'bye', type: 'message', position: { x: 600, y: 0 }, config: { ...nodeRegistry.message.defaults(), text: 'Tchau' } },
  );
  doc.edges.push({ id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'hi' }, { id: 'e2', source: 'hi', sourceHandle: 'next', target: 'bye' });
  return doc;
}

describe('changes since the live version', () => {
  it('when nothing changed (even key order), then the diff is empty', () => {
    const reordered = JSON.parse(stableJson(live()));
    expect(isEmptyDiff(diffFlows(live(), fromFlowDocument(reordered)))).toBe(true);
  });

  it('when steps are edited, renamed, moved, added and removed, then each is reported once, in those terms', () => {
    const draft = fromFlowDocument(live());
    draft.nodes = draft.nodes
      .filter((n) => n.id !== 'bye')
      .map((n) => (n.id === 'hi' ? { ...n, data: { ...n.data, config: { ...n.data.config, text: 'Olá' } } } : n.id === 'trigger' ? { ...n, position: { x: 16, y: 16 } } : n));
    draft.nodes.push({ ...fromFlowDocument(live()).nodes[2]!, id: 'new', data: { ...fromFlowDocument(live()).nodes[2]!.data, name: 'Despedida' } });
    draft.edges = draft.edges.filter((e) => e.target !== 'bye');
    draft.settings = { ...draft.settings, sessionTimeoutMinutes: 60 };
    const diff = diffFlows(live(), draft);
    expect(diff.steps.map((s) => `${s.kind}:${s.node.id}`)).toEqual(['edited:hi', 'added:new', 'removed:bye']);
    expect(diff.moved).toBe(1);
    expect(diff.connections.map((c) => `${c.kind}:${c.edge.source}>${c.edge.target}`)).toEqual(['removed:hi>bye']);
    expect(diff.settings).toEqual(['sessionTimeoutMinutes']);
  });

  it('when only a step name changes, then it is a rename', () => {
    const draft = fromFlowDocument(live());
    draft.nodes[1] = { ...draft.nodes[1]!, data: { ...draft.nodes[1]!.data, name: 'Saudação' } };
    expect(diffFlows(live(), draft).steps.map((s) => s.kind)).toEqual(['renamed']);
    expect(toFlowDocument(draft).nodes[1]).toMatchObject({ name: 'Saudação' });
  });
});

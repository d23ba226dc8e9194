// What changed between the live version and the draft on screen, in the terms a marketer uses:
// steps added, removed, edited (content or name) or only moved; connections added or removed;
// flow settings changed. Both sides are read tolerantly, like the editor reads drafts.
import { fromFlowDocument } from '../store/document-convert';
import type { EditorEdge, EditorNode } from '../store/editor-types';

export type StepChange = { kind: 'added' | 'removed' | 'edited' | 'renamed'; node: EditorNode };

export interface FlowDiff {
  steps: StepChange[];
  /** Steps whose only change is their place on the canvas. */
  moved: number;
  connections: Array<{ kind: 'added' | 'removed'; edge: EditorEdge }>;
  settings: string[];
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const edgeKey = (e: EditorEdge) => `${e.source}\u0000${e.sourceHandle}\u0000${e.target}`;

function stepChange(before: EditorNode | undefined, after: EditorNode): StepChange['kind'] | 'moved' | null {
  if (!before) return 'added';
  if (before.data.type !== after.data.type || stableJson(before.data.config) !== stableJson(after.data.config)) return 'edited';
  if ((before.data.name ?? '') !== (after.data.name ?? '')) return 'renamed';
  const p = before.position;
  return p.x !== after.position.x || p.y !== after.position.y ? 'moved' : null;
}

export function diffFlows(liveDocument: unknown, draft: { nodes: EditorNode[]; edges: EditorEdge[]; settings: unknown }): FlowDiff {
  const live = fromFlowDocument(liveDocument);
  const liveNodes = new Map(live.nodes.map((n) => [n.id, n]));
  const draftIds = new Set(draft.nodes.map((n) => n.id));
  const steps: StepChange[] = [];
  let moved = 0;
  for (const node of draft.nodes) {
    const kind = stepChange(liveNodes.get(node.id), node);
    if (kind === 'moved') moved++;
    else if (kind) steps.push({ kind, node });
  }
  for (const node of live.nodes) if (!draftIds.has(node.id)) steps.push({ kind: 'removed', node });
  const liveEdges = new Set(live.edges.map(edgeKey));
  const draftEdges = new Set(draft.edges.map(edgeKey));
  const connections = [
    ...draft.edges.filter((e) => !liveEdges.has(edgeKey(e))).map((edge) => ({ kind: 'added' as const, edge })),
    ...live.edges.filter((e) => !draftEdges.has(edgeKey(e))).map((edge) => ({ kind: 'removed' as const, edge })),
  ];
  const before = live.settings as unknown as Record<string, unknown>;
  const after = draft.settings as Record<string, unknown>;
  const settings = Object.keys({ ...before, ...after }).filter((k) => stableJson(before[k]) !== stableJson(after[k]));
  return { steps, moved, connections, settings };
}

export const isEmptyDiff = (d: FlowDiff) => d.steps.length + d.moved + d.connections.length + d.settings.length === 0;

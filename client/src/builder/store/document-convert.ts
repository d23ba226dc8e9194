// Conversions between the stored FlowDocument and the editor's React Flow arrays. Drafts may be
// invalid (the server saves them as they are), so reading is tolerant: whatever can be shown is kept
// and the validator reports the rest.
import { MarkerType } from '@xyflow/react';
import {
  anyNodeDefinition,
  CURRENT_SCHEMA_VERSION,
  flowSettingsSchema,
  isNodeType,
  migrateFlow,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  type FlowSettings,
  type NodeConfig,
} from '@zyntra/flows-schema';
import type { DocSnapshot, EditorEdge, EditorNode } from './editor-types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export const EDGE_MARKER = { type: MarkerType.ArrowClosed, width: 18, height: 18 };

export function makeEdge(e: FlowEdge): EditorEdge {
  return { id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target, type: 'flow', markerEnd: EDGE_MARKER };
}

function readNode(raw: unknown): EditorNode | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !isNodeType(raw.type)) return null;
  const pos = isRecord(raw.position) ? raw.position : {};
  // Missing fields fall back to the defaults so the panels always get a complete config to edit.
  const defaults = anyNodeDefinition(raw.type).defaults() as Record<string, unknown>;
  const config = { ...defaults, ...(isRecord(raw.config) ? raw.config : {}) } as NodeConfig;
  const name = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : undefined;
  const data = name === undefined ? { type: raw.type, config } : { type: raw.type, config, name };
  return { id: raw.id, type: 'flow', position: { x: num(pos.x), y: num(pos.y) }, data };
}

function readEdge(raw: unknown): EditorEdge | null {
  if (!isRecord(raw)) return null;
  const { id, source, sourceHandle, target } = raw;
  if ([id, source, sourceHandle, target].some((v) => typeof v !== 'string')) return null;
  return makeEdge({ id, source, sourceHandle, target } as FlowEdge);
}

function readSettings(raw: unknown): FlowSettings {
  const parsed = flowSettingsSchema.safeParse(isRecord(raw) ? raw : {});
  return parsed.success ? parsed.data : flowSettingsSchema.parse({});
}

/** Opens any stored draft; older schema versions are upgraded first when they can be. */
export function fromFlowDocument(stored: unknown): DocSnapshot {
  let raw = stored;
  if (isRecord(raw) && raw.schemaVersion !== CURRENT_SCHEMA_VERSION) {
    const migrated = migrateFlow(raw);
    if ('doc' in migrated) raw = migrated.doc;
  }
  const doc = isRecord(raw) ? raw : {};
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return {
    nodes: list(doc.nodes).map(readNode).filter((n): n is EditorNode => n !== null),
    edges: list(doc.edges).map(readEdge).filter((e): e is EditorEdge => e !== null),
    settings: readSettings(doc.settings),
  };
}

export function toFlowNode(n: EditorNode): FlowNode {
  const name = n.data.name ? { name: n.data.name } : {};
  return { id: n.id, ...name, type: n.data.type, position: { x: n.position.x, y: n.position.y }, config: n.data.config } as FlowNode;
}

export function toFlowDocument(s: DocSnapshot): FlowDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    nodes: s.nodes.map(toFlowNode),
    edges: s.edges.map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target })),
    settings: s.settings,
  };
}

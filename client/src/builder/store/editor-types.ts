// The editor's React Flow shapes. A node carries its flows-schema type and config in `data`, so
// the canvas needs only one React Flow node type ('flow') and reads everything else from the registry.
import type { Edge, Node } from '@xyflow/react';
import type { FlowSettings, NodeConfig, NodeType } from '@zyntra/flows-schema';

export interface FlowNodeData extends Record<string, unknown> {
  type: NodeType;
  config: NodeConfig;
  /** The marketer's name for the step; absent = the type's label. */
  name?: string;
}

export type EditorNode = Node<FlowNodeData, 'flow'>;
export type EditorEdge = Edge<Record<string, never>, 'flow'> & { sourceHandle: string };

/** What undo/redo and autosave look at: everything else in the store is UI state. */
export interface DocSnapshot {
  nodes: EditorNode[];
  edges: EditorEdge[];
  settings: FlowSettings;
}

/** Copied nodes plus the edges running between them. */
export interface Clipboard {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

export type XY = { x: number; y: number };

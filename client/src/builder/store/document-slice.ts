// The flow document as React Flow arrays plus the flow settings, and the editing actions over it.
// Each action is a one-liner over graph-ops; undo history is attached in create-flow-store.
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { FlowSettings, NodeConfig, NodeType } from '@zyntra/flows-schema';
import type { DocSnapshot, EditorEdge, EditorNode, XY } from './editor-types';
import * as ops from './graph-ops';
import type { HistoryGate } from './history-gate';
import { sameDocument, snapshotOf } from './same-document';
import type { UiSlice } from './ui-slice';

export interface DocumentSlice extends DocSnapshot {
  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
  connect(c: ops.Connection): void;
  /** Adds a node (selected); with `from`, also connects that output to it, as one undo step. */
  addNodeAt(type: NodeType, position: XY, from?: { source: string; sourceHandle: string }): string;
  /** `field` names what changed, so typing in one field merges into one undo entry. */
  updateConfig(id: string, config: NodeConfig, field?: string): void;
  renameNode(id: string, name: string): void;
  /** A field lost focus: the next edit starts a new undo entry. */
  endEdit(): void;
  removeEdge(id: string): void;
  setSettings(settings: FlowSettings): void;
  selectNodes(ids: string[]): void;
  removeSelected(): void;
  copySelected(): void;
  pasteClipboard(): void;
  duplicateSelected(): void;
  /** Moves cards to computed positions (tidy up), as one undo step. */
  applyLayout(positions: ReadonlyMap<string, XY>): void;
  /** Replaces the whole document (reload after a conflict, restored version); clears undo history. */
  replaceDocument(doc: DocSnapshot): void;
  beginDrag(): void;
  endDrag(): void;
  undo(): void;
  redo(): void;
}

export interface TemporalApi {
  getState(): {
    pastStates: Partial<DocSnapshot>[];
    undo(): void;
    redo(): void;
    pause(): void;
    resume(): void;
    clear(): void;
  };
  setState(partial: { pastStates?: Partial<DocSnapshot>[]; futureStates?: Partial<DocSnapshot>[] }): void;
}

type State = DocumentSlice & UiSlice;
type Set = (partial: Partial<State> | ((s: State) => Partial<State>)) => void;

const PASTE_STEP = 32;
// React Flow's own deletion would send node and edge removals as two changes (two undo entries);
// deletion goes through removeSelected instead, so remove changes are ignored here.
const notRemove = <C extends { type: string }>(c: C) => c.type !== 'remove';
const isSelect = (c: { type: string }) => c.type === 'select';
/**
 * A quiet selection lasts while its card stays selected. Delete, undo and redo can unselect it
 * without a select change; forgetting it then lets a later undo that selects the card again open
 * its panel.
 */
const staleQuiet = (s: State) => s.quietNodeId !== null && !s.nodes.some((n) => n.id === s.quietNodeId && n.selected);

export function createDocumentSlice(
  set: Set,
  get: () => State,
  temporal: () => TemporalApi,
  gate: HistoryGate,
  initial: DocSnapshot,
): DocumentSlice {
  let dragStart: DocSnapshot | null = null;
  const graph = () => ({ nodes: get().nodes, edges: get().edges });
  const forgetStaleQuiet = () => {
    if (staleQuiet(get())) set({ quietNodeId: null });
  };
  return {
    ...initial,
    // A change of selection (a click, a box) ends a quiet one, so the selected card's panel may open;
    // not the selection of a card being grabbed (see use-direct-drag).
    onNodesChange: (changes) =>
      set((s) => ({
        nodes: applyNodeChanges(changes.filter(notRemove), s.nodes),
        ...(!s.cardDrag && changes.some(isSelect) && { quietNodeId: null }),
      })),
    onEdgesChange: (changes) => set((s) => ({ edges: applyEdgeChanges(changes.filter(notRemove), s.edges) })),
    connect: (c) => set((s) => ({ edges: ops.connect(s.edges, c) })),
    addNodeAt(type, position, from) {
      const node = ops.createNode(type, position);
      set((s) => ops.addConnectedNode(s.nodes, s.edges, node, from));
      return node.id;
    },
    updateConfig: (id, config, field = '*') =>
      gate.merged(`config:${id}:${field}`, () => set((s) => ops.updateNodeConfig(s.nodes, s.edges, id, config))),
    renameNode: (id, name) => gate.merged(`name:${id}`, () => set((s) => ({ nodes: ops.renameNode(s.nodes, id, name) }))),
    endEdit: () => gate.reset(),
    removeEdge: (id) => set((s) => ({ edges: s.edges.filter((e) => e.id !== id) })),
    setSettings: (settings) => gate.merged('settings', () => set({ settings })),
    selectNodes: (ids) => set((s) => ({ nodes: ops.selectOnly(s.nodes, new Set(ids)), quietNodeId: null })),
    removeSelected() {
      set((s) => ops.removeSelection(s.nodes, s.edges));
      forgetStaleQuiet();
    },
    copySelected() {
      const clipboard = ops.copySelection(get().nodes, get().edges);
      if (clipboard) set({ clipboard, pasteCount: 0 });
    },
    pasteClipboard() {
      const { clipboard, pasteCount } = get();
      if (!clipboard) return;
      const step = PASTE_STEP * (pasteCount + 1);
      set({ ...ops.paste(get().nodes, get().edges, clipboard, { x: step, y: step }), pasteCount: pasteCount + 1 });
    },
    duplicateSelected: () => {
      const { nodes, edges } = graph();
      set(ops.duplicateSelection(nodes, edges, { x: PASTE_STEP, y: PASTE_STEP }));
    },
    applyLayout(positions) {
      gate.reset();
      set((s) => ({ nodes: ops.applyPositions(s.nodes, positions) }));
    },
    replaceDocument(doc) {
      set({ nodes: doc.nodes, edges: doc.edges, settings: doc.settings });
      temporal().getState().clear();
      gate.reset();
    },
    // A drag sends a position change per frame; history records one entry for the whole gesture.
    beginDrag() {
      dragStart = snapshotOf(get());
      temporal().getState().pause();
    },
    endDrag() {
      temporal().getState().resume();
      const before = dragStart;
      dragStart = null;
      if (!before || sameDocument(before, snapshotOf(get()))) return;
      gate.reset();
      temporal().setState({ pastStates: [...temporal().getState().pastStates, before], futureStates: [] });
    },
    undo() {
      gate.reset();
      temporal().getState().undo();
      forgetStaleQuiet();
    },
    redo() {
      gate.reset();
      temporal().getState().redo();
      forgetStaleQuiet();
    },
  };
}

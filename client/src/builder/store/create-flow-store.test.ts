import { emptyFlow } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { createFlowStore } from './create-flow-store';
import { toFlowDocument } from './document-convert';

const history = (store: ReturnType<typeof createFlowStore>) => store.temporal.getState().pastStates.length;

describe('flow store', () => {
  it('when two stores are created, then they are independent', () => {
    const a = createFlowStore(emptyFlow());
    const b = createFlowStore(emptyFlow());
    a.getState().addNodeAt('message', { x: 0, y: 0 });
    expect(a.getState().nodes).toHaveLength(2);
    expect(b.getState().nodes).toHaveLength(1);
  });

  it('when a node is added and undone, then redo brings it back', () => {
    const store = createFlowStore(emptyFlow());
    const id = store.getState().addNodeAt('message', { x: 100, y: 0 });
    store.getState().undo();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['trigger']);
    store.getState().redo();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['trigger', id]);
  });

  it('when only UI state changes, then undo history does not grow and undo leaves UI state alone', () => {
    const store = createFlowStore(emptyFlow());
    store.getState().addNodeAt('message', { x: 0, y: 0 });
    const before = history(store);
    store.getState().setDrawer('problems');
    store.getState().setTestOpen(true);
    store.getState().selectNodes(['trigger']);
    store.getState().onNodesChange([{ type: 'dimensions', id: 'trigger', dimensions: { width: 240, height: 100 } }]);
    expect(history(store)).toBe(before);
    store.getState().undo();
    expect(store.getState()).toMatchObject({ drawer: 'problems', testOpen: true });
  });

  it('when a node is dragged over many frames, then one undo entry is recorded', () => {
    const store = createFlowStore(emptyFlow());
    const before = history(store);
    store.getState().beginDrag();
    for (let x = 1; x <= 20; x++) {
      store.getState().onNodesChange([{ type: 'position', id: 'trigger', position: { x: x * 10, y: 0 }, dragging: true }]);
    }
    store.getState().endDrag();
    expect(history(store)).toBe(before + 1);
    store.getState().undo();
    expect(store.getState().nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('when a field is typed into quickly, then the keystrokes undo as one edit', () => {
    const store = createFlowStore(emptyFlow());
    const id = store.getState().addNodeAt('message', { x: 0, y: 0 });
    const config = store.getState().nodes[1]!.data.config;
    for (const text of ['O', 'Ol', 'Olá']) store.getState().updateConfig(id, { ...config, text } as never);
    store.getState().undo();
    expect((store.getState().nodes[1]!.data.config as { text: string }).text).toBe('');
  });

  it('when copy then paste, then a new node is selected and the document converts back cleanly', () => {
    const store = createFlowStore(emptyFlow());
    store.getState().selectNodes(['trigger']);
    store.getState().copySelected();
    store.getState().pasteClipboard();
    const doc = toFlowDocument(store.getState());
    expect(doc.nodes).toHaveLength(2);
    expect(doc.nodes[1]!.position).toEqual({ x: 32, y: 32 });
    expect(Object.keys(doc.nodes[1]!)).toEqual(['id', 'type', 'position', 'config']);
  });

  it('when the document is replaced, then history is cleared', () => {
    const store = createFlowStore(emptyFlow());
    store.getState().addNodeAt('wait', { x: 0, y: 0 });
    store.getState().replaceDocument(createFlowStore(emptyFlow()).getState());
    expect(history(store)).toBe(0);
  });

  it('when a stored draft is partly broken, then the readable nodes still open', () => {
    const store = createFlowStore({ schemaVersion: 1, nodes: [{ id: 'x', type: 'message', position: {}, config: { text: 'oi' } }, { id: 'y', type: 'nope' }], edges: [{ id: 1 }] });
    expect(store.getState().nodes).toHaveLength(1);
    expect(store.getState().nodes[0]!.data.config).toMatchObject({ text: 'oi', buttons: [] });
    expect(store.getState().edges).toEqual([]);
  });
});

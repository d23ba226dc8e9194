import { emptyFlow } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { createFlowStore } from './create-flow-store';
import { sameFields, selectPanelNodeId, selectShownPanelId, selectSingleNodeId } from './flow-store-context';

describe('sameFields', () => {
  const problems = [{ code: 'x' }];
  it('when every field is the identical value, then the objects count as the same', () => {
    expect(sameFields({ data: problems, running: false, stats: null }, { data: problems, running: false, stats: null })).toBe(true);
  });
  it('when a field holds an equal but new object, then they differ (cards re-render only on a real change)', () => {
    expect(sameFields({ data: problems }, { data: [{ code: 'x' }] })).toBe(false);
  });
  it('when a key is missing on either side, then they differ', () => {
    expect(sameFields<Record<string, unknown>>({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameFields<Record<string, unknown>>({ a: 1, b: undefined }, { a: 1 })).toBe(false);
  });
  it('when a value is NaN on both sides, then it is the same value', () => {
    expect(sameFields({ n: Number.NaN }, { n: Number.NaN })).toBe(true);
  });
});

describe('selectPanelNodeId', () => {
  const withMessage = () => {
    const store = createFlowStore(emptyFlow());
    const id = store.getState().addNodeAt('message', { x: 300, y: 0 });
    return { store, id };
  };
  it('when one node is selected, then its panel is the one open', () => {
    const { store, id } = withMessage();
    expect(selectPanelNodeId(store.getState())).toBe(id);
  });
  it('when the selection was made quietly by a drag, then no panel is open until the selection changes', () => {
    const { store, id } = withMessage();
    store.getState().setQuietNode(id);
    expect(selectSingleNodeId(store.getState())).toBe(id);
    expect(selectPanelNodeId(store.getState())).toBeNull();
    // Finding or focusing the same step selects it through the store: its panel opens.
    store.getState().selectNodes([id]);
    expect(selectPanelNodeId(store.getState())).toBe(id);
  });
  it('when a click or a box changes the selection, then a quiet selection ends', () => {
    const { store, id } = withMessage();
    store.getState().setQuietNode(id);
    store.getState().onNodesChange([{ type: 'select', id, selected: true }]);
    expect(store.getState().quietNodeId).toBeNull();
    expect(selectPanelNodeId(store.getState())).toBe(id);
  });
  it('when a quietly selected card is deleted and brought back by undo, then its panel opens like any selected card', () => {
    const { store, id } = withMessage();
    store.getState().setQuietNode(id);
    store.getState().removeSelected();
    expect(store.getState().quietNodeId).toBeNull();
    store.getState().undo();
    expect(selectPanelNodeId(store.getState())).toBe(id);
  });
  it('when an undo unselects the quiet card, then a redo that selects it again opens its panel', () => {
    const { store, id } = withMessage();
    store.getState().selectNodes([]);
    store.getState().updateConfig('trigger', { ...(store.getState().nodes[0]!.data.config as object), priority: 3 } as never);
    store.getState().selectNodes([id]);
    store.getState().setQuietNode(id);
    expect(selectPanelNodeId(store.getState())).toBeNull();
    // The edit's undo entry holds the document from before it, when the card was not selected.
    store.getState().undo();
    expect(selectSingleNodeId(store.getState())).toBeNull();
    expect(store.getState().quietNodeId).toBeNull();
    store.getState().redo();
    expect(selectPanelNodeId(store.getState())).toBe(id);
  });
  it('when a quietly selected card is moved, then it stays quiet', () => {
    const { store, id } = withMessage();
    store.getState().setQuietNode(id);
    store.getState().onNodesChange([{ type: 'position', id, position: { x: 320, y: 16 }, dragging: false }]);
    expect(selectPanelNodeId(store.getState())).toBeNull();
  });

  it('while a card is dragged, then the panel shown when the drag began stays until the drop', () => {
    const { store, id } = withMessage();
    store.setState({ cardDrag: true, heldPanelId: id });
    store.getState().onNodesChange([{ type: 'select', id, selected: false }, { type: 'select', id: 'trigger', selected: true }]);
    expect(selectShownPanelId(store.getState())).toBe(id);
    store.getState().setCardDrag(false);
    expect(selectShownPanelId(store.getState())).toBe('trigger');
  });
  it('when a card grabbed with no panel open gets selected, then its selection stays quiet after the drop', () => {
    const { store, id } = withMessage();
    store.getState().selectNodes([]);
    store.setState({ cardDrag: true, heldPanelId: null, quietNodeId: id });
    store.getState().onNodesChange([{ type: 'select', id, selected: true }]);
    store.getState().setCardDrag(false);
    expect(selectSingleNodeId(store.getState())).toBe(id);
    expect(selectShownPanelId(store.getState())).toBeNull();
  });
});

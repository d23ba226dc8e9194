import { emptyFlow } from '@zyntra/flows-schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import type { FlowDetail } from '../../flows-list/flows-api';
import { createFlowStore } from '../store/create-flow-store';
import { createAutosaver, DEBOUNCE_MS } from './autosaver';

const detail = (revision: number, document: unknown = emptyFlow()) => ({ id: 'f', name: 'F', revision, document }) as unknown as FlowDetail;

function setup() {
  const store = createFlowStore(emptyFlow());
  const save = vi.fn(async (document: unknown, baseRevision: number) => detail(baseRevision + 1, document));
  const onConflict = vi.fn();
  const saver = createAutosaver({ store, save, onSaved: () => undefined, onConflict }, 1);
  store.subscribe(saver.onChange);
  return { store, save, onConflict, saver };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosaver', () => {
  it('when edits come quickly, then one save goes out after the pause, with the loaded revision', async () => {
    const { store, save } = setup();
    store.getState().addNodeAt('message', { x: 0, y: 0 });
    store.getState().addNodeAt('wait', { x: 0, y: 200 });
    expect(store.getState().saveState).toBe('saving');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 100);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![1]).toBe(1);
    expect((save.mock.calls[0]![0] as { nodes: unknown[] }).nodes).toHaveLength(3);
    expect(store.getState().saveState).toBe('saved');
  });

  it('when only the selection changes, then nothing is saved', async () => {
    const { store, save } = setup();
    store.getState().selectNodes(['trigger']);
    store.getState().setDrawer('problems');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(save).not.toHaveBeenCalled();
  });

  it('when the pause ends during a card drag on a large flow, then the save waits for the drop', async () => {
    const { store, save } = setup();
    store.getState().addNodeAt('message', { x: 0, y: 0 });
    store.getState().setCardDrag(true);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 3);
    expect(save).not.toHaveBeenCalled();
    store.getState().setCardDrag(false);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(save).toHaveBeenCalledTimes(1);
    expect(store.getState().saveState).toBe('saved');
  });

  it('when saves follow each other, then each carries the revision the previous one produced', async () => {
    const { store, save, saver } = setup();
    store.getState().addNodeAt('message', { x: 0, y: 0 });
    await saver.flush();
    store.getState().addNodeAt('wait', { x: 0, y: 200 });
    await saver.flush();
    expect(save.mock.calls.map((c) => c[1])).toEqual([1, 2]);
    expect(saver.revision()).toBe(3);
  });

  it('when the server answers 409, then saving stops until overwrite, which uses the current revision', async () => {
    const { store, save, onConflict, saver } = setup();
    save.mockRejectedValueOnce(new ApiError(409, 'stale_revision', 'stale', { currentRevision: 7 }));
    store.getState().addNodeAt('message', { x: 0, y: 0 });
    expect(await saver.flush()).toBe(false);
    expect(store.getState().saveState).toBe('conflict');
    expect(onConflict).toHaveBeenLastCalledWith(true);
    store.getState().addNodeAt('wait', { x: 0, y: 200 });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(save).toHaveBeenCalledTimes(1);
    expect(await saver.overwrite()).toBe(true);
    expect(save.mock.calls[1]![1]).toBe(7);
    expect(store.getState().saveState).toBe('saved');
  });

  it('when a save fails for another reason, then it shows the error and retries', async () => {
    const { store, save } = setup();
    save.mockRejectedValueOnce(new ApiError(0, 'network_error', 'offline'));
    store.getState().addNodeAt('message', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 10);
    expect(store.getState().saveState).toBe('error');
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(store.getState().saveState).toBe('saved');
  });

  it.each([
    [422, 'flow_invalid', 'refused'],
    [413, 'payload_too_large', 'tooLarge'],
  ] as const)('when the server refuses the document itself (%i), then it says why and does not send it again until the next edit', async (status, code, state) => {
    const { store, save } = setup();
    save.mockRejectedValueOnce(new ApiError(status, code, 'refused'));
    store.getState().addNodeAt('message', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 10);
    expect(store.getState().saveState).toBe(state);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(save).toHaveBeenCalledTimes(1);
    store.getState().addNodeAt('wait', { x: 0, y: 200 });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 10);
    expect(save).toHaveBeenCalledTimes(2);
    expect(store.getState().saveState).toBe('saved');
  });

  it('when the server draft is adopted, then it replaces the document without saving it back', async () => {
    const { store, save, saver } = setup();
    const doc = emptyFlow();
    doc.nodes[0]!.id = 'other';
    saver.adopt(detail(9, doc));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['other']);
    expect(save).not.toHaveBeenCalled();
    expect(saver.revision()).toBe(9);
  });
});

// One vanilla store per editor instance (provided by React context, never a module singleton), so
// tests and a second editor each get their own. Undo (zundo) covers the document only.
import { temporal, type TemporalState } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { fromFlowDocument } from './document-convert';
import { createDocumentSlice, type DocumentSlice, type TemporalApi } from './document-slice';
import type { DocSnapshot } from './editor-types';
import { createHistoryGate } from './history-gate';
import { sameDocument, snapshotOf } from './same-document';
import { createUiSlice, type UiSlice } from './ui-slice';

export type FlowState = DocumentSlice & UiSlice;
export type FlowStore = StoreApi<FlowState> & { temporal: StoreApi<TemporalState<DocSnapshot>> };

const HISTORY_LIMIT = 100;

/** `document` is the stored draft as the API returns it (any JSON; invalid parts are dropped). */
export function createFlowStore(document: unknown): FlowStore {
  const gate = createHistoryGate();
  const initial = fromFlowDocument(document);
  const store = createStore<FlowState>()(
    temporal(
      (set, get, api) => {
        const temporalApi = () => (api as unknown as FlowStore).temporal as unknown as TemporalApi;
        return {
          ...createDocumentSlice(set, get, temporalApi, gate, initial),
          ...createUiSlice(set),
        };
      },
      {
        partialize: (s): DocSnapshot => snapshotOf(s),
        equality: sameDocument,
        // zundo types the recorded past state loosely; the gate only forwards it.
        handleSet: (inner) => gate.handleSet(inner) as never,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  return store as FlowStore;
}

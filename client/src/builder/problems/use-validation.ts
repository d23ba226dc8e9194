// Live problems: validateFlow runs ~300 ms after the last document change (not on selection,
// drag frames or a moved card, since no rule reads positions), and the store keys the result by
// node and edge for the cards to pick up.
import { validateFlow } from '@zyntra/flows-schema';
import { useEffect } from 'react';
import type { FlowStore } from '../store/create-flow-store';
import { toFlowDocument } from '../store/document-convert';
import type { DocSnapshot } from '../store/editor-types';
import { sameContent, snapshotOf } from '../store/same-document';

const DEBOUNCE_MS = 300;

export function useValidation(store: FlowStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let checked: DocSnapshot | null = null;
    const run = () => {
      const snap = snapshotOf(store.getState());
      if (checked && sameContent(checked, snap)) return;
      checked = snap;
      store.getState().setProblems(validateFlow(toFlowDocument(snap)));
    };
    run();
    const unsubscribe = store.subscribe((s, prev) => {
      if (sameContent(s, prev)) return;
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
}

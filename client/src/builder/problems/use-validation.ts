// Live problems: validateFlow runs ~300 ms after the last document change (not on selection,
// drag frames or a moved card, since no rule reads positions), and the store keys the result by
// node and edge for the cards to pick up, with the steps' problems with the workspace's setup.
import { validateFlow } from '@zyntra/flows-schema';
import { useEffect } from 'react';
import type { FlowStore } from '../store/create-flow-store';
import { toFlowDocument } from '../store/document-convert';
import type { DocSnapshot } from '../store/editor-types';
import { sameContent, snapshotOf } from '../store/same-document';
import { setupProblems, type WorkspaceSetup } from './setup-problems';

const DEBOUNCE_MS = 300;

export function useValidation(store: FlowStore, setup: WorkspaceSetup): void {
  const { hasAiProvider } = setup;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let checked: DocSnapshot | null = null;
    const run = () => {
      const snap = snapshotOf(store.getState());
      if (checked && sameContent(checked, snap)) return;
      checked = snap;
      const doc = toFlowDocument(snap);
      store.getState().setProblems([...validateFlow(doc), ...setupProblems(doc, { hasAiProvider })]);
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
  }, [store, hasAiProvider]);
}

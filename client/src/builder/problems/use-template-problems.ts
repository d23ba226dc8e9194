// The send_template steps checked against the workspace's WhatsApp templates, which only the server
// knows: asked ~600 ms after a step is added, removed or picks a template (not while values are
// typed or other steps edited), and again when the marketer comes back to the tab (a template may
// have been approved or paused meanwhile). The store lists them with validateFlow's problems.
import { useEffect } from 'react';
import { flowsApi } from '../../flows-list/flows-api';
import type { FlowStore } from '../store/create-flow-store';
import { templateSteps } from './template-steps';

const DEBOUNCE_MS = 600;

export function useTemplateProblems(store: FlowStore, flowId: string): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked: string | null = null;
    let abort: AbortController | null = null;
    const run = (force = false) => {
      const { key, document } = templateSteps(store.getState().nodes);
      if (key === asked && !force) return;
      asked = key;
      abort?.abort();
      if (!document) {
        store.getState().setTemplateProblems([]);
        return;
      }
      const mine = (abort = new AbortController());
      flowsApi.templateProblems(flowId, document, mine.signal)
        .then((problems) => !mine.signal.aborted && store.getState().setTemplateProblems(problems))
        // Asked again on the next change; publish checks all the same.
        .catch(() => !mine.signal.aborted && (asked = null));
    };
    run();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.nodes === prev.nodes) return;
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    const onVisible = () => document.visibilityState === 'visible' && asked && run(true);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      abort?.abort();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [store, flowId]);
}

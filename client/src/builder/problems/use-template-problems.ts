// The send_template steps checked against the workspace's WhatsApp templates, which only the server
// knows: asked ~600 ms after a step is added, removed or picks a template (not while values are
// typed or other steps edited), again a moment after the realtime line says a template the steps
// name was approved, paused, edited or deleted (a marketer waits in the builder for Meta's review),
// and when the marketer comes back to the tab. The store lists them with validateFlow's problems.
import { useEffect } from 'react';
import { flowsApi } from '../../flows-list/flows-api';
import { subscribeLive } from '../../shared/live-events';
import type { FlowStore } from '../store/create-flow-store';
import { concernsTemplateSteps, stepTemplateNames } from './template-events';
import { templateSteps } from './template-steps';

const DEBOUNCE_MS = 600;
/** A burst of template events (a sync announcing dozens) costs one check. */
const LIVE_DEBOUNCE_MS = 300;

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
    let liveTimer: ReturnType<typeof setTimeout> | undefined;
    const recheck = () => {
      liveTimer ??= setTimeout(() => {
        liveTimer = undefined;
        run(true);
      }, LIVE_DEBOUNCE_MS);
    };
    const unsubscribeLive = subscribeLive({
      onEvents: (events) => concernsTemplateSteps(events, store.getState().nodes) && recheck(),
      // Events were missed: any template may have changed.
      onResync: () => stepTemplateNames(store.getState().nodes).size > 0 && recheck(),
    });
    return () => {
      unsubscribe();
      unsubscribeLive();
      clearTimeout(timer);
      clearTimeout(liveTimer);
      abort?.abort();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [store, flowId]);
}

// Whether the flow's AI reply steps have a provider to ask: first as the flow's read said, then asked
// again (a small read, not the flow) when the builder's window has the focus back, so a provider an
// admin set up in another tab clears the warning without a reload. A failed read keeps the answer.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export function useAiProvider(fromFlowRead: boolean | undefined): boolean {
  // An older server does not say: its AI reply steps are not warned about, nor asked about again.
  const [has, setHas] = useState(fromFlowRead ?? true);
  useEffect(() => {
    if (fromFlowRead === undefined) return;
    let abort: AbortController | null = null;
    const ask = () => {
      if (document.visibilityState !== 'visible') return;
      abort?.abort();
      const mine = (abort = new AbortController());
      api.get<{ hasAiProvider: boolean }>('/v1/settings/ai/status', { signal: mine.signal }).then(
        (r) => !mine.signal.aborted && setHas(r.hasAiProvider),
        () => {},
      );
    };
    window.addEventListener('focus', ask);
    return () => {
      window.removeEventListener('focus', ask);
      abort?.abort();
    };
  }, [fromFlowRead]);
  return has;
}

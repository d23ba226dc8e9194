import { useEffect, useRef } from 'react';
import { coalesce } from './coalesce';
import { subscribeLive, type LiveEvent } from './live-events';

/**
 * While mounted, calls `refresh` when live events that `matches` accepts arrive (or when the realtime
 * line lost track), coalesced: a burst costs one or two reads. The latest `matches` and `refresh`
 * are used, so a page may pass new ones on every render.
 */
export function useLiveRefresh(matches: (e: LiveEvent) => boolean, refresh: () => Promise<unknown>, delayMs = 300): void {
  const latest = useRef({ matches, refresh });
  latest.current = { matches, refresh };
  useEffect(() => {
    const reads = coalesce(() => latest.current.refresh(), delayMs);
    const unsubscribe = subscribeLive({
      onEvents: (events) => events.some((e) => latest.current.matches(e)) && reads.poke(),
      onResync: () => reads.poke(),
    });
    return () => {
      unsubscribe();
      reads.cancel();
    };
  }, [delayMs]);
}

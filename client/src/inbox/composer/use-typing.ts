import { useCallback, useEffect, useRef } from 'react';
import { emitTyping } from '../sync/live';

const IDLE_MS = 3000;

/** Tells the customer (where the channel can) that the agent is typing; stops after a pause. */
export function useTypingSignal(conversationId: string | undefined) {
  const on = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (on.current && conversationId) emitTyping(conversationId, false);
    on.current = false;
  }, [conversationId]);
  useEffect(() => stop, [stop]);
  const typed = useCallback(() => {
    if (!conversationId) return;
    if (!on.current) emitTyping(conversationId, true);
    on.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(stop, IDLE_MS);
  }, [conversationId, stop]);
  return { typed, stop };
}

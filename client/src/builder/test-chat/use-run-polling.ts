// Polls the test run's session, messages and run log while the bot is running. Once the session has
// ended (a transfer, the end of the flow) it fetches once more for the last replies and stops;
// sending another message (which may start a new run) resumes it.
import { useEffect } from 'react';
import { testApi, type ChatItem, type RunLogItem, type SessionView, type TestRun } from './test-api';

export const POLL_MS = 700;
/** After the end, one more look for replies still on their way out. */
const SETTLE_MS = 1_500;

interface Listeners {
  onSession(s: SessionView): void;
  onMessages(m: ChatItem[]): void;
  onLog(l: RunLogItem[]): void;
}

export function useRunPolling(run: TestRun | null, wakeKey: number, { onSession, onMessages, onLog }: Listeners): void {
  useEffect(() => {
    if (!run) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      // Failures are skipped: the next tick tries again, and the chat itself keeps working.
      const [session] = await Promise.all([
        testApi.session(run).then((s) => (live && onSession(s), s), () => null),
        testApi.messages(run).then((m) => live && onMessages(m), () => undefined),
        testApi.runlog(run).then((l) => live && onLog(l), () => undefined),
      ]);
      if (!live) return;
      if (session?.status === 'ended') {
        timer = setTimeout(() => {
          void testApi.messages(run).then((m) => live && onMessages(m), () => undefined);
        }, SETTLE_MS);
        return;
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [run, wakeKey, onSession, onMessages, onLog]);
}

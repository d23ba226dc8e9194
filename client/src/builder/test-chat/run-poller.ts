// Polls a test run's session, messages and run log while the bot is running, free of React. Once
// the session has ended (a transfer, the end of the flow, an idle run closed by the server) it
// fetches the messages and the run log once more, and stops: no request follows. The last look
// catches replies still on their way out, and the run log's last entries (the three reads of a
// tick run side by side, so the one that saw the end may have come before the transfer's entry).
// The hook starts a new poller when the tester sends another message.
import type { ChatItem, RunLogItem, SessionView, TestRun } from './test-api';

export const POLL_MS = 700;
/** After the end, one more look at the messages and the run log. */
export const SETTLE_MS = 1_500;

export interface RunListeners {
  onSession(s: SessionView): void;
  onMessages(m: ChatItem[]): void;
  onLog(l: RunLogItem[]): void;
}

export interface RunReads {
  session(run: TestRun): Promise<SessionView>;
  messages(run: TestRun): Promise<ChatItem[]>;
  runlog(run: TestRun): Promise<RunLogItem[]>;
}

/** Starts polling at once; returns the function that stops it (no callback runs after it). */
export function startRunPoller(run: TestRun, reads: RunReads, { onSession, onMessages, onLog }: RunListeners): () => void {
  let live = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    // Failures are skipped: the next tick tries again, and the chat itself keeps working.
    const [session] = await Promise.all([
      reads.session(run).then((s) => (live && onSession(s), s), () => null),
      reads.messages(run).then((m) => live && onMessages(m), () => undefined),
      reads.runlog(run).then((l) => live && onLog(l), () => undefined),
    ]);
    if (!live) return;
    if (session?.status === 'ended') {
      timer = setTimeout(() => {
        if (!live) return;
        void reads.messages(run).then((m) => live && onMessages(m), () => undefined);
        void reads.runlog(run).then((l) => live && onLog(l), () => undefined);
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
}

// One test conversation: starts a run of the saved draft, receives bot replies over socket.io,
// and polls the session (current node, variables) and run log while the panel is open.
import { useCallback, useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { useFlowStoreApi } from '../store/flow-store-context';
import { testApi, type ChatItem, type RunLogItem, type SessionView, type TestRun } from './test-api';

const POLL_MS = 700;

export type RunStatus = 'idle' | 'starting' | 'running' | 'error';

const byTime = (a: ChatItem, b: ChatItem) => a.createdAt.localeCompare(b.createdAt);

/** Adds items not seen yet (socket pushes and polls overlap), in time order. */
function mergeItems(current: ChatItem[], incoming: ChatItem[]): ChatItem[] {
  const known = new Set(current.map((m) => m.id));
  const fresh = incoming.filter((m) => !known.has(m.id));
  return fresh.length ? [...current, ...fresh].sort(byTime) : current;
}

function usePolling(run: TestRun | null, onSession: (s: SessionView) => void, onMessages: (m: ChatItem[]) => void, onLog: (l: RunLogItem[]) => void) {
  useEffect(() => {
    if (!run) return;
    let live = true;
    const tick = () => {
      // Failures are skipped: the next tick tries again, and the chat itself keeps working.
      void testApi.session(run).then((s) => live && onSession(s), () => undefined);
      void testApi.messages(run).then((m) => live && onMessages(m), () => undefined);
      void testApi.runlog(run).then((l) => live && onLog(l), () => undefined);
    };
    tick();
    const timer = setInterval(tick, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [run, onSession, onMessages, onLog]);
}

function useSocket(run: TestRun | null, onMessage: (m: ChatItem) => void) {
  useEffect(() => {
    if (!run) return;
    const socket = io('/webchat', { path: '/socket.io', auth: { visitorToken: run.visitorToken }, transports: ['websocket', 'polling'] });
    socket.on('message', onMessage);
    return () => {
      socket.disconnect();
    };
  }, [run, onMessage]);
}

export function useTestRun(flowId: string, saveDraft: () => Promise<boolean>) {
  const store = useFlowStoreApi();
  const [run, setRun] = useState<TestRun | null>(null);
  const [status, setStatus] = useState<RunStatus>('idle');
  const [messages, setMessages] = useState<ChatItem[]>([]);
  const [session, setSession] = useState<SessionView | null>(null);
  const [log, setLog] = useState<RunLogItem[]>([]);

  const onSession = useCallback(
    (s: SessionView) => {
      setSession(s);
      store.getState().setTestNodeId(s.status === 'active' ? s.currentNodeId : null);
    },
    [store],
  );
  const onMessages = useCallback((items: ChatItem[]) => setMessages((cur) => mergeItems(cur, items)), []);
  const onMessage = useCallback((item: ChatItem) => setMessages((cur) => mergeItems(cur, [item])), []);
  usePolling(run, onSession, onMessages, setLog);
  useSocket(run, onMessage);
  // Closing the panel ends the highlight; the run itself simply goes idle on the server.
  useEffect(() => () => store.getState().setTestNodeId(null), [store]);

  const start = useCallback(async () => {
    setStatus('starting');
    setRun(null);
    setMessages([]);
    setSession(null);
    setLog([]);
    store.getState().setTestNodeId(null);
    try {
      // The run snapshots the server's draft, so the latest edits must be saved first.
      if (!(await saveDraft())) throw new Error('draft not saved');
      setRun(await testApi.start(flowId));
      setStatus('running');
    } catch {
      setStatus('error');
    }
  }, [flowId, saveDraft, store]);

  const send = useCallback(
    async (text: string, replyId?: string) => {
      if (!run) return;
      const local: ChatItem = { id: `local-${Date.now()}`, direction: 'in', text, createdAt: new Date().toISOString() };
      setMessages((cur) => [...cur, local]);
      try {
        await testApi.send(run, text, replyId);
        // The stored copy arrives with the next poll; drop the optimistic one then.
        const stored = await testApi.messages(run);
        setMessages((cur) => mergeItems(cur.filter((m) => m.id !== local.id), stored));
      } catch {
        setMessages((cur) => cur.filter((m) => m.id !== local.id));
        setStatus('error');
      }
    },
    [run],
  );

  return { status, messages, session, log, start, send, running: run !== null };
}

// One test conversation: starts a run of the saved draft, receives bot replies over socket.io,
// polls the session (current node, variables) and run log while the bot runs, and draws the path
// taken on the canvas. A transfer keeps its step lit: that is where the conversation left the bot.
import { useCallback, useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { useFlowStoreApi } from '../store/flow-store-context';
import { NO_TRAIL } from '../store/ui-slice';
import { testApi, type ChatItem, type RunLogItem, type SessionView, type TestRun } from './test-api';
import { appendItem, mergeHistory } from './chat-order';
import { handoffNode, sameTrail, trailFromLog } from './trail';
import { useRunPolling } from './use-run-polling';

export type RunStatus = 'idle' | 'starting' | 'running' | 'error';

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
  const [wakeKey, setWakeKey] = useState(0);
  const [handoff, setHandoff] = useState<string | null>(null);

  const onSession = useCallback(
    (s: SessionView) => {
      setSession(s);
      if (s.status === 'active') store.getState().setTestNodeId(s.currentNodeId);
      else if (s.endedReason !== 'transferred') store.getState().setTestNodeId(null);
    },
    [store],
  );
  const onLog = useCallback(
    (items: RunLogItem[]) => {
      setLog(items);
      const ui = store.getState();
      const trail = trailFromLog(items, ui.edges);
      if (!sameTrail(trail, ui.testTrail)) ui.setTestTrail(trail);
      const handedTo = handoffNode(items);
      setHandoff(handedTo);
      if (handedTo) ui.setTestNodeId(handedTo);
    },
    [store],
  );
  const onMessages = useCallback((items: ChatItem[]) => setMessages((cur) => mergeHistory(cur, items)), []);
  const onMessage = useCallback((item: ChatItem) => setMessages((cur) => appendItem(cur, item)), []);
  useRunPolling(run, wakeKey, { onSession, onMessages, onLog });
  useSocket(run, onMessage);
  // Closing the panel ends the highlight and the trail; the run itself simply goes idle on the server.
  useEffect(
    () => () => {
      store.getState().setTestNodeId(null);
      store.getState().setTestTrail(NO_TRAIL);
    },
    [store],
  );

  const start = useCallback(async () => {
    setStatus('starting');
    setRun(null);
    setMessages([]);
    setSession(null);
    setLog([]);
    setHandoff(null);
    store.getState().setTestNodeId(null);
    store.getState().setTestTrail(NO_TRAIL);
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
        // A message after the end may start a new run: look again.
        setWakeKey((k) => k + 1);
        // The stored copy arrives with the next poll; drop the optimistic one then.
        const stored = await testApi.messages(run);
        setMessages((cur) => mergeHistory(cur.filter((m) => m.id !== local.id), stored));
      } catch {
        setMessages((cur) => cur.filter((m) => m.id !== local.id));
        setStatus('error');
      }
    },
    [run],
  );

  return { status, messages, session, log, handoff, start, send, running: run !== null };
}

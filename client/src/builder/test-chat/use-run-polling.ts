// The test chat's polling as a hook: one poller per run, started again when `wakeKey` changes (the
// tester sent a message, which may start a new run after the previous one ended).
import { useEffect } from 'react';
import { startRunPoller, type RunListeners } from './run-poller';
import { testApi, type TestRun } from './test-api';

export function useRunPolling(run: TestRun | null, wakeKey: number, { onSession, onMessages, onLog }: RunListeners): void {
  useEffect(() => {
    if (!run) return;
    return startRunPoller(run, testApi, { onSession, onMessages, onLog });
  }, [run, wakeKey, onSession, onMessages, onLog]);
}

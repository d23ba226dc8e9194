import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POLL_MS, SETTLE_MS, startRunPoller, type RunReads } from './run-poller';
import type { RunLogItem, SessionView, TestRun } from './test-api';

const run: TestRun = { flowId: 'f1', conversationId: 'c1', channelId: 'ch1', visitorToken: 'v' };
const session = (status: string, endedReason: string | null = null): SessionView => ({ status, endedReason, currentNodeId: null, waitingFor: null, vars: {}, lastReply: null });

/** Reads that answer from `state.status` and count every request by kind. */
function fakeReads(state: { status: string; endedReason?: string | null }) {
  const calls = { session: 0, messages: 0, runlog: 0 };
  const reads: RunReads = {
    session: async () => (calls.session++, session(state.status, state.endedReason ?? null)),
    messages: async () => (calls.messages++, []),
    runlog: async () => (calls.runlog++, []),
  };
  return { calls, reads, total: () => calls.session + calls.messages + calls.runlog };
}

const listeners = () => ({ onSession: vi.fn(), onMessages: vi.fn(), onLog: vi.fn() });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the test chat poller', () => {
  it('when the run is active, then it polls session, messages and run log every interval', async () => {
    const { calls, reads } = fakeReads({ status: 'active' });
    const stop = startRunPoller(run, reads, listeners());
    await vi.advanceTimersByTimeAsync(POLL_MS * 3 + 10);
    expect(calls).toEqual({ session: 4, messages: 4, runlog: 4 });
    stop();
  });

  it.each([
    ['handed to a human', 'transferred'],
    ['finished at the end of the flow', 'completed'],
    ['closed by the server after going idle', 'idle_timeout'],
  ])('when the run has ended (%s), then one last look at the messages and the run log follows and then no request at all', async (_name, reason) => {
    const state = { status: 'active', endedReason: null as string | null };
    const { calls, reads, total } = fakeReads(state);
    const l = listeners();
    const stop = startRunPoller(run, reads, l);
    await vi.advanceTimersByTimeAsync(POLL_MS + 10);
    Object.assign(state, { status: 'ended', endedReason: reason });
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(l.onSession).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'ended', endedReason: reason }));
    const atEnd = { ...calls };
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(calls).toEqual({ ...atEnd, messages: atEnd.messages + 1, runlog: atEnd.runlog + 1 });
    const settled = total();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(total()).toBe(settled);
    stop();
  });

  it('when the run log read beside the end predates the transfer\'s entry, then the last look brings it', async () => {
    const entry = { nodeId: 'human', event: 'transferred' } as unknown as RunLogItem;
    let logged: RunLogItem[] = [];
    const { reads } = fakeReads({ status: 'ended', endedReason: 'transferred' });
    const l = listeners();
    startRunPoller(run, { ...reads, runlog: async () => logged }, l);
    await vi.advanceTimersByTimeAsync(10);
    expect(l.onLog).toHaveBeenLastCalledWith([]);
    logged = [entry];
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(l.onLog).toHaveBeenLastCalledWith([entry]);
  });

  it('when the tester sends again after the end, then a new poller polls again, and stops again at the next end', async () => {
    const state = { status: 'ended' };
    const { calls, reads, total } = fakeReads(state);
    startRunPoller(run, reads, listeners());
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 10);
    const ended = total();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(total()).toBe(ended);

    state.status = 'active';
    const stop = startRunPoller(run, reads, listeners());
    await vi.advanceTimersByTimeAsync(POLL_MS * 2 + 10);
    expect(calls.session).toBe(1 + 3);
    state.status = 'ended';
    await vi.advanceTimersByTimeAsync(POLL_MS + SETTLE_MS + 10);
    const again = total();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(total()).toBe(again);
    stop();
  });

  it('when it is stopped, then no request or callback follows, even for answers still in flight', async () => {
    const { reads, total } = fakeReads({ status: 'active' });
    const l = listeners();
    const stop = startRunPoller(run, reads, l);
    stop();
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(total()).toBe(3);
    expect(l.onSession).not.toHaveBeenCalled();
    expect(l.onMessages).not.toHaveBeenCalled();
  });

  it('when a request fails, then polling goes on', async () => {
    const { reads, calls } = fakeReads({ status: 'active' });
    let failures = 1;
    const failing: RunReads = { ...reads, session: (r) => (failures-- > 0 ? Promise.reject(new Error('offline')) : reads.session(r)) };
    const stop = startRunPoller(run, failing, listeners());
    await vi.advanceTimersByTimeAsync(POLL_MS * 2 + 10);
    expect(calls.runlog).toBe(3);
    expect(calls.session).toBe(2);
    stop();
  });
});

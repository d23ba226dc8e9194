import { describe, expect, it, vi } from 'vitest';
import type { InboxEvent } from '../api/inbox-types';
import { createRealtimeConnection, type ConnectionState, type SocketLike } from './realtime-connection';

type Fn = (...args: unknown[]) => void;

function fakeSocket() {
  const handlers = new Map<string, Fn[]>();
  const any: ((name: string, payload: unknown) => void)[] = [];
  const socket: SocketLike & { fire(name: string, ...args: unknown[]): void; push(e: InboxEvent): void } = {
    connected: false,
    on: (name, fn) => handlers.set(name, [...(handlers.get(name) ?? []), fn as Fn]),
    onAny: (fn) => any.push(fn),
    emit: vi.fn(),
    connect: vi.fn(),
    disconnect: vi.fn(),
    fire(name, ...args) {
      if (name === 'connect') socket.connected = true;
      if (name === 'disconnect') socket.connected = false;
      for (const fn of handlers.get(name) ?? []) fn(...args);
    },
    push: (e) => any.forEach((fn) => fn(e.type, e)),
  };
  return socket;
}

const ev = (id: number): InboxEvent => ({ id, type: 'message.received', at: '', conversationId: 'c1' });
const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(fetchEvents: (after: number) => Promise<{ items: InboxEvent[]; nextAfter: number | null }>) {
  const socket = fakeSocket();
  const applied: number[] = [];
  const states: ConnectionState[] = [];
  const onResync = vi.fn();
  const onTransient = vi.fn();
  const conn = createRealtimeConnection({
    socket,
    fetchEvents,
    onEvents: (events) => applied.push(...events.map((e) => e.id)),
    onTransient,
    onResync,
    onState: (s) => states.push(s),
    refreshAuth: async () => undefined,
    retryMs: 1,
  });
  return { socket, conn, applied, states, onResync, onTransient };
}

describe('realtime connection', () => {
  it('when the socket comes back, then missed events are read from /v1/events in order, then the live ones', async () => {
    const history = [ev(2), ev(3), ev(4), ev(5), ev(6)];
    const fetchEvents = vi.fn(async (after: number) => {
      const items = history.filter((e) => e.id > after).slice(0, 2);
      return { items, nextAfter: items.length === 2 ? items[1]!.id : null };
    });
    const { socket, applied, states } = setup(fetchEvents);
    socket.fire('connect');
    socket.push(ev(1));
    socket.fire('disconnect');
    expect(states).toEqual(['connecting', 'online', 'reconnecting']);

    socket.fire('connect');
    socket.push(ev(7)); // live, while the catch-up is still reading
    socket.push(ev(5)); // a duplicate of a caught-up one
    for (let i = 0; i < 10; i++) await flush();
    expect(applied).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(fetchEvents.mock.calls.map((c) => c[0])).toEqual([1, 3, 5]);
  });

  it('when the catch-up request fails, then it retries and live events wait for it', async () => {
    let fail = true;
    const { socket, applied } = setup(async () => {
      if (fail) {
        fail = false;
        throw new Error('offline');
      }
      return { items: [ev(2)], nextAfter: null };
    });
    socket.fire('connect');
    socket.push(ev(1));
    socket.fire('disconnect');
    socket.fire('connect');
    socket.push(ev(3));
    await flush();
    expect(applied).toEqual([1]);
    await new Promise((r) => setTimeout(r, 20));
    expect(applied).toEqual([1, 2, 3]);
  });

  it('when the event log refuses (4xx), then it resyncs instead of retrying and applies the live events', async () => {
    const fetchEvents = vi.fn(async () => {
      throw Object.assign(new Error('not found'), { status: 404 });
    });
    const { socket, applied, onResync } = setup(fetchEvents);
    socket.fire('connect');
    socket.push(ev(1));
    socket.fire('disconnect');
    socket.fire('connect');
    socket.push(ev(3));
    await new Promise((r) => setTimeout(r, 20));
    expect(fetchEvents).toHaveBeenCalledOnce();
    expect(onResync).toHaveBeenCalledOnce();
    expect(applied).toEqual([1, 3]);
  });

  it('when the first connection learns the latest id, then a disconnect before any event still catches up from it', async () => {
    const fetchEvents = vi.fn(async () => ({ items: [ev(8)], nextAfter: 8, hasMore: false }));
    const socket = fakeSocket();
    const applied: number[] = [];
    createRealtimeConnection({
      socket, fetchEvents, fetchLatest: async () => 7,
      onEvents: (events) => applied.push(...events.map((e) => e.id)),
      onTransient: vi.fn(), onResync: vi.fn(), onState: vi.fn(), refreshAuth: async () => undefined, retryMs: 1,
    });
    socket.fire('connect');
    await flush();
    socket.fire('disconnect');
    socket.fire('connect');
    await flush();
    expect(fetchEvents.mock.calls).toEqual([[7]]);
    expect(applied).toEqual([8]);
  });

  it('when it reconnects without any event seen, then it asks for a resync', async () => {
    const fetchEvents = vi.fn();
    const { socket, onResync } = setup(fetchEvents);
    socket.fire('connect');
    socket.fire('disconnect');
    socket.fire('connect');
    await flush();
    expect(onResync).toHaveBeenCalledOnce();
    expect(fetchEvents).not.toHaveBeenCalled();
  });

  it('when the server drops the socket (its token expired), then it refreshes the token and reconnects', async () => {
    const { socket, states } = setup(async () => ({ items: [], nextAfter: null }));
    socket.fire('connect');
    socket.fire('disconnect', 'io server disconnect');
    await new Promise((r) => setTimeout(r, 10));
    expect(states.at(-1)).toBe('reconnecting');
    expect(socket.connect).toHaveBeenCalledTimes(1);
    socket.fire('disconnect', 'transport close');
    await new Promise((r) => setTimeout(r, 10));
    // A dropped transport is retried by socket.io itself, not by us.
    expect(socket.connect).toHaveBeenCalledTimes(1);
  });

  it('when a payload has no event id (typing), then it goes to the transient handler', () => {
    const { socket, onTransient, applied } = setup(vi.fn());
    socket.fire('connect');
    (socket as unknown as { push(e: unknown): void }).push({ type: 'conversation.typing', conversationId: 'c1', on: true });
    expect(onTransient).toHaveBeenCalledWith('conversation.typing', expect.objectContaining({ on: true }));
    expect(applied).toEqual([]);
  });
});

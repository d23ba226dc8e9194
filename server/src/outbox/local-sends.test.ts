import { describe, expect, it, vi } from 'vitest';
import { createLocalSends } from './local-sends';
import type { PendingSend } from './outbox';

const pending = (conversationId: string): PendingSend => ({
  tenantId: 't', conversationId, channelId: 'c', recipient: { externalId: '5511', phone: '5511' }, messages: [], claimed: [],
});

function deferred() {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('local sends', () => {
  it('when the process already sends its bound, then the next send is left to the queue', () => {
    const gates = [deferred(), deferred()];
    const send = vi.fn((_: PendingSend) => gates[send.mock.calls.length - 1]!.promise);
    const local = createLocalSends(send, { warn: vi.fn() }, 2);
    expect(local.start(pending('a'))).toBe(true);
    expect(local.start(pending('b'))).toBe(true);
    expect(local.start(pending('c'))).toBe(false);
    expect(send.mock.calls.map(([p]) => p.conversationId)).toEqual(['a', 'b']);
    expect(local.inFlight()).toBe(2);
  });

  it('when a send ends, then its place is free again', async () => {
    const gate = deferred();
    const local = createLocalSends(() => gate.promise, { warn: vi.fn() }, 1);
    expect(local.start(pending('a'))).toBe(true);
    gate.resolve();
    await vi.waitFor(() => expect(local.inFlight()).toBe(0));
    expect(local.start(pending('b'))).toBe(true);
  });

  it('when a send fails, then it is logged, not thrown, and its place is freed', async () => {
    const warn = vi.fn();
    const local = createLocalSends(() => Promise.reject(new Error('connection lost')), { warn }, 1);
    expect(local.start(pending('a'))).toBe(true);
    await vi.waitFor(() => expect(local.inFlight()).toBe(0));
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ err: 'connection lost', conversationId: 'a' }), expect.any(String));
  });

  it('when closing, then it waits for the sends under way and takes no new one', async () => {
    const gate = deferred();
    const local = createLocalSends(() => gate.promise, { warn: vi.fn() }, 4);
    local.start(pending('a'));
    let closed = false;
    const closing = local.close().then(() => (closed = true));
    expect(local.start(pending('b'))).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(false);
    gate.resolve();
    await closing;
    expect(closed).toBe(true);
  });
});

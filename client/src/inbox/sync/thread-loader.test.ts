import { describe, expect, it, vi } from 'vitest';

vi.mock('../api/inbox-api', () => ({ inboxApi: { read: vi.fn(async () => undefined) } }));

const { inboxApi } = await import('../api/inbox-api');
const { createInboxStore } = await import('../store/inbox-store');
const { markRead } = await import('./thread-loader');

const row = (unreadCount: number) => ({ id: 'c1', status: 'human', lastMessageAt: '2026-01-01T00:00:00Z', unreadCount, contact: { id: 'k' } }) as never;

describe('markRead', () => {
  it('when the row already shows nothing unread, then opening the chat asks nothing of the server', async () => {
    const store = createInboxStore();
    store.getState().setFirstPage([row(0)], null);
    await markRead('c1', store);
    expect(inboxApi.read).not.toHaveBeenCalled();
  });

  it('when a message comes in while the chat is open, then it is marked read although the row still shows 0', async () => {
    const store = createInboxStore();
    store.getState().setFirstPage([row(0)], null);
    await markRead('c1', store, true);
    expect(inboxApi.read).toHaveBeenCalledWith('c1');
    expect(store.getState().items[0]!.unreadCount).toBe(0);
  });
});

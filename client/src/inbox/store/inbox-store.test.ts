import { describe, expect, it } from 'vitest';
import type { ConversationItem, MessageItem } from '../api/inbox-types';
import { createInboxStore } from './inbox-store';

const conv = (id: string, at: string, extra: Partial<ConversationItem> = {}): ConversationItem => ({
  id, status: 'waiting', channelId: 'ch', assigneeId: null, lastMessageAt: at, unreadCount: 0, createdAt: at,
  contact: { id: `k${id}`, name: id, phone: null, tags: [] }, ...extra,
});
const msg = (id: string, at: string): MessageItem => ({ id, direction: 'in', author: 'contact', type: 'text', text: id, status: 'received', createdAt: at });

describe('inbox store', () => {
  it('when a transferred chat arrives live, then it goes on top of "waiting"; taken, it leaves', () => {
    const store = createInboxStore();
    store.getState().setFirstPage([conv('a', '2026-01-02'), conv('b', '2026-01-01')], null);
    store.getState().applyConversation(conv('new', '2026-01-03'), 'me');
    expect(store.getState().items.map((c) => c.id)).toEqual(['new', 'a', 'b']);
    store.getState().applyConversation(conv('new', '2026-01-03', { status: 'human', assigneeId: 'me' }), 'me');
    expect(store.getState().items.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('when a text search is on, then only rows already shown are updated live', () => {
    const store = createInboxStore();
    store.getState().setFilter({ q: 'maria' });
    store.getState().setFirstPage([conv('a', '2026-01-01')], null);
    store.getState().applyConversation(conv('z', '2026-01-05'), 'me');
    store.getState().applyConversation(conv('a', '2026-01-06'), 'me');
    expect(store.getState().items.map((c) => [c.id, c.lastMessageAt])).toEqual([['a', '2026-01-06']]);
  });

  it('when a row is older than the loaded pages, then it waits for its page', () => {
    const store = createInboxStore();
    store.getState().setFirstPage([conv('a', '2026-01-05'), conv('b', '2026-01-04')], 'cursor');
    store.getState().applyConversation(conv('old', '2026-01-01'), 'me');
    expect(store.getState().items.map((c) => c.id)).toEqual(['a', 'b']);
    store.getState().addPage([conv('old', '2026-01-01'), conv('b', '2026-01-04')], null);
    expect(store.getState().items.map((c) => c.id)).toEqual(['a', 'b', 'old']);
  });

  it('when answers for a chat left behind arrive, then the open thread ignores them', () => {
    const store = createInboxStore();
    store.getState().openThread('c1');
    store.getState().openThread('c2');
    store.getState().mergeThreadMessages('c1', [msg('m1', '1')]);
    expect(store.getState().thread).toMatchObject({ id: 'c2', messages: [], status: 'loading' });
    store.getState().mergeThreadMessages('c2', [msg('m2', '2'), msg('m1', '1')], null);
    expect(store.getState().thread!.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });
});

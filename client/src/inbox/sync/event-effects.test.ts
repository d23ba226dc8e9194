import { describe, expect, it, vi } from 'vitest';
import type { InboxEvent } from '../api/inbox-types';
import { createInboxStore } from '../store/inbox-store';
import { createEventEffects } from './event-effects';

const ev = (id: number, type: string, extra: Record<string, unknown> = {}): InboxEvent => ({ id, type, at: '', conversationId: 'c1', ...extra });

function setup() {
  const store = createInboxStore();
  const deps = {
    store,
    refreshConversation: vi.fn(async (_id: string) => undefined),
    refreshThreadMessages: vi.fn(async (_id: string) => undefined),
    refreshBotInfo: vi.fn(async () => undefined),
    refreshCounts: vi.fn(),
    markRead: vi.fn(),
    onTransferred: vi.fn(),
    flushDelayMs: 0,
  };
  return { store, deps, effects: createEventEffects(deps) };
}
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('event effects', () => {
  it('when a burst of events names one chat, then it is re-read once and the open thread refreshed once', async () => {
    const { store, deps, effects } = setup();
    store.getState().openThread('c1');
    effects.apply([ev(1, 'message.received'), ev(2, 'message.sent'), ev(3, 'message.delivered'), ev(4, 'message.received', { conversationId: 'c2' })]);
    await tick();
    expect(deps.refreshConversation.mock.calls.map((c) => c[0]).sort()).toEqual(['c1', 'c2']);
    expect(deps.refreshThreadMessages.mock.calls).toEqual([['c1']]);
    expect(deps.refreshCounts).toHaveBeenCalledOnce();
    expect(deps.markRead).toHaveBeenCalledWith('c1');
  });

  it('when a chat is transferred, then the alert fires; presence and typing update the store', async () => {
    const { store, deps, effects } = setup();
    store.getState().setMembers([{ userId: 'u1', email: '', name: 'Bruno', role: 'agent', teamIds: [], presence: 'offline' }]);
    store.getState().openThread('c1');
    effects.apply([ev(1, 'conversation.transferred'), { id: 2, type: 'presence.changed', at: '', userId: 'u1', status: 'online' }]);
    effects.transient('conversation.typing', { conversationId: 'c1', who: 'contact', on: true });
    expect(deps.onTransferred).toHaveBeenCalledOnce();
    expect(store.getState().members[0]!.presence).toBe('online');
    expect(store.getState().thread!.contactTyping).toBe(true);
    effects.transient('conversation.typing', { conversationId: 'c1', who: 'agent', on: false });
    expect(store.getState().thread!.contactTyping).toBe(true);
  });

  it('when a message event carries the message, then it shows before the re-read', () => {
    const { store, effects } = setup();
    store.getState().openThread('c1');
    const message = { id: 'm9', direction: 'in', author: 'contact', type: 'text', text: 'oi', status: 'received', createdAt: '2026-01-01T00:00:00Z' };
    effects.apply([ev(1, 'message.received', { message })]);
    expect(store.getState().thread!.messages.map((m) => m.id)).toEqual(['m9']);
  });
});

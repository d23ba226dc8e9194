import { describe, expect, it, vi } from 'vitest';
import type { InboxEvent } from '../api/inbox-types';
import { createInboxStore } from '../store/inbox-store';
import { createEventEffects, TYPING_SHOWN_MS } from './event-effects';

const ev = (id: number, type: string, extra: Record<string, unknown> = {}): InboxEvent => ({ id, type, at: '', conversationId: 'c1', ...extra });

function setup() {
  const store = createInboxStore();
  const deps = {
    store,
    refreshConversation: vi.fn(async (_id: string) => undefined),
    mergeFirstPage: vi.fn(async () => undefined),
    refreshThreadMessages: vi.fn(async (_id: string) => undefined),
    refreshBotInfo: vi.fn(async () => undefined),
    refreshActivity: vi.fn(async (_id: string) => undefined),
    refreshCounts: vi.fn(),
    markRead: vi.fn(),
    onTransferred: vi.fn(),
    meId: () => 'me',
    onAssignedToMe: vi.fn(),
    onMentioned: vi.fn(),
    isMine: vi.fn((id: string) => id === 'c1'),
    onCustomerMessage: vi.fn(),
    flushDelayMs: 0,
    now: () => clock,
  };
  return { store, deps, effects: createEventEffects(deps) };
}
const tick = () => new Promise((r) => setTimeout(r, 5));
let clock = 0;

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

  it('when the open chat is assigned, closed and reopened, then its activity lines are re-read once; a new message or another chat reads none', async () => {
    const { store, deps, effects } = setup();
    store.getState().openThread('c1');
    effects.apply([ev(1, 'conversation.assigned'), ev(2, 'conversation.closed'), ev(3, 'conversation.reopened'), ev(4, 'conversation.handed_back', { conversationId: 'c2' })]);
    await tick();
    expect(deps.refreshActivity.mock.calls).toEqual([['c1']]);
    effects.apply([ev(5, 'message.received'), ev(6, 'conversation.updated')]);
    await tick();
    expect(deps.refreshActivity).toHaveBeenCalledOnce();
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

  it('when a chat is given to me by someone else or automatically, then the alert fires; not when I take it or it goes to someone else', () => {
    const { deps, effects } = setup();
    effects.apply([
      ev(1, 'conversation.assigned', { status: 'human', assigneeId: 'me', by: 'u-supervisor' }),
      ev(2, 'conversation.assigned', { status: 'human', assigneeId: 'me', by: null, auto: true }),
      ev(3, 'conversation.assigned', { status: 'human', assigneeId: 'me', by: 'me' }),
      ev(4, 'conversation.assigned', { status: 'human', assigneeId: 'u-bruno', by: 'u-supervisor' }),
      ev(5, 'conversation.assigned', { status: 'waiting', assigneeId: null, teamId: 't1', by: 'me' }),
    ]);
    expect(deps.onAssignedToMe.mock.calls.map((c) => c[0].id)).toEqual([1, 2]);
  });

  it('when a customer writes in my chat out of sight, then the alert fires; not for the open chat, another agent\'s chat or anyone\'s own message', () => {
    const { store, deps, effects } = setup();
    store.getState().openThread('c2');
    effects.apply([ev(1, 'message.received'), ev(2, 'message.received', { conversationId: 'c3' }), ev(3, 'message.created', { author: 'agent' }), ev(4, 'message.sent')]);
    expect(deps.onCustomerMessage.mock.calls.map((c) => c[0].id)).toEqual([1]);
    store.getState().openThread('c1');
    effects.apply([ev(5, 'message.received')]);
    expect(deps.onCustomerMessage).toHaveBeenCalledOnce();
    // The open chat in a hidden tab is out of sight.
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    try {
      effects.apply([ev(6, 'message.received')]);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(deps.onCustomerMessage.mock.calls.map((c) => c[0].id)).toEqual([1, 6]);
  });

  it('when a contact starts typing and never says they stopped, then "typing…" ends on its own', () => {
    vi.useFakeTimers();
    try {
      const { store, effects } = setup();
      store.getState().openThread('c1');
      effects.transient('conversation.typing', { conversationId: 'c1', who: 'contact', on: true });
      vi.advanceTimersByTime(TYPING_SHOWN_MS - 1_000);
      // A fresh signal keeps it shown.
      effects.transient('conversation.typing', { conversationId: 'c1', who: 'contact', on: true });
      vi.advanceTimersByTime(TYPING_SHOWN_MS - 1_000);
      expect(store.getState().thread!.contactTyping).toBe(true);
      vi.advanceTimersByTime(1_000);
      expect(store.getState().thread!.contactTyping).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('when a message event carries the message, then it shows before the re-read', () => {
    const { store, effects } = setup();
    store.getState().openThread('c1');
    const message = { id: 'm9', direction: 'in', author: 'contact', type: 'text', text: 'oi', status: 'received', createdAt: '2026-01-01T00:00:00Z' };
    effects.apply([ev(1, 'message.received', { message })]);
    expect(store.getState().thread!.messages.map((m) => m.id)).toEqual(['m9']);
  });

  it('when a delivery tick or a reaction names a chat the list does not show, then nothing is read for it', async () => {
    const { deps, effects } = setup();
    effects.apply([ev(1, 'message.delivered', { conversationId: 'x1' }), ev(2, 'message.read', { conversationId: 'x2' }), ev(3, 'message.reacted', { conversationId: 'x3' })]);
    await tick();
    expect(deps.refreshConversation).not.toHaveBeenCalled();
  });

  it('when a campaign opens hundreds of chats, then a few are read one by one and the rest through one read of the list', async () => {
    vi.useFakeTimers();
    try {
      const { store, deps, effects } = setup();
      store.getState().setFirstPage([{ id: 'shown', status: 'bot', lastMessageAt: '2026-01-01T00:00:00Z', contact: { id: 'k' } } as never], null);
      // 300 chats over 5 seconds, two events each (opened, template sent), in bursts of 40 ms.
      for (let t = 0; t < 5_000; t += 40) {
        clock = t;
        const batch = Array.from({ length: 2 }, (_, i) => `c${t}-${i}`);
        effects.apply(batch.flatMap((id, i) => [ev(t * 10 + i * 2, 'conversation.created', { conversationId: id }), ev(t * 10 + i * 2 + 1, 'message.sent', { conversationId: id })]));
        effects.apply([ev(t * 10 + 9, 'message.delivered', { conversationId: 'shown' })]);
        await vi.advanceTimersByTimeAsync(40);
      }
      clock = 5_000;
      await vi.advanceTimersByTimeAsync(3_000);
      const unshownReads = deps.refreshConversation.mock.calls.filter(([id]) => id !== 'shown').length;
      expect(unshownReads).toBeLessThanOrEqual(10 * 6);
      expect(deps.mergeFirstPage.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(deps.mergeFirstPage.mock.calls.length).toBeLessThanOrEqual(4);
      // The chat the list shows still follows every change.
      expect(deps.refreshConversation.mock.calls.filter(([id]) => id === 'shown').length).toBeGreaterThan(100);
    } finally {
      vi.useRealTimers();
    }
  });

  it("when a teammate's note mentions the agent, then the agent is alerted once; their own note, a note naming others and a plain message are quiet", async () => {
    const { deps, effects } = setup();
    effects.apply([
      ev(1, 'message.created', { note: true, by: 'bruno', mentions: ['carla', 'me'] }),
      ev(2, 'message.created', { note: true, by: 'me', mentions: ['me'] }),
      ev(3, 'message.created', { note: true, by: 'bruno', mentions: ['carla'] }),
      ev(4, 'message.created', { note: true, by: 'bruno' }),
      ev(5, 'message.created', { author: 'agent', mentions: ['me'] }),
    ]);
    await tick();
    expect(deps.onMentioned.mock.calls.map(([e]) => e.id)).toEqual([1]);
  });

  it('when the note mentioning the agent lands in the chat they are looking at, then no alert plays; in another chat it does', async () => {
    const { store, deps, effects } = setup();
    store.getState().openThread('c1');
    effects.apply([
      ev(1, 'message.created', { note: true, by: 'bruno', mentions: ['me'] }),
      ev(2, 'message.created', { note: true, by: 'bruno', mentions: ['me'], conversationId: 'c2' }),
    ]);
    await tick();
    expect(deps.onMentioned.mock.calls.map(([e]) => e.id)).toEqual([2]);
  });
});

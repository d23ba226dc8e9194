// Starts and stops the inbox's realtime line for the signed-in user, and wires events to the store.
import { io } from 'socket.io-client';
import { authApi } from '../../api/auth';
import { useAuthStore } from '../../auth/auth-store';
import i18n from '../../i18n';
import { alertTransferred } from '../alerts/alerts';
import { inboxApi } from '../api/inbox-api';
import { createRealtimeConnection, type RealtimeConnection } from '../realtime/realtime-connection';
import { inboxStore } from '../store/inbox-store';
import { createEventEffects } from './event-effects';
import { loadFirstPage, mergeFirstPage, refreshConversation, refreshCounts } from './list-loader';
import { markRead, refreshBotInfo, refreshThreadMessages } from './thread-loader';

let connection: RealtimeConnection | null = null;

/** Navigates to a conversation (set by the inbox page so a notification click can open it). */
let navigateTo: (id: string) => void = () => undefined;
export const setLiveNavigator = (fn: (id: string) => void) => void (navigateTo = fn);

function resync(): void {
  void loadFirstPage();
  refreshCounts();
  const open = inboxStore.getState().thread?.id;
  if (open) {
    void refreshThreadMessages(open);
    void refreshConversation(open);
  }
}

const effects = createEventEffects({
  store: inboxStore,
  refreshConversation: (id) => refreshConversation(id),
  mergeFirstPage: () => mergeFirstPage(),
  refreshThreadMessages: (id) => refreshThreadMessages(id),
  refreshBotInfo: (id) => refreshBotInfo(id),
  refreshCounts: () => refreshCounts(),
  markRead: (id) => void markRead(id, inboxStore, true),
  onTransferred: (e) => {
    const id = e.conversationId;
    if (!id) return;
    alertTransferred(i18n.t('inbox.alerts.transferredTitle'), i18n.t('inbox.alerts.transferredBody'), () => navigateTo(id));
  },
});

export function startLive(): void {
  if (connection) return;
  const socket = io({
    path: '/socket.io',
    // A function, so every reconnect presents the current (possibly refreshed) token.
    auth: (cb) => cb({ token: useAuthStore.getState().token }),
    transports: ['websocket', 'polling'],
  });
  connection = createRealtimeConnection({
    socket,
    fetchEvents: (after) => inboxApi.events(after),
    fetchLatest: () => inboxApi.latestEventId(),
    onEvents: (events) => effects.apply(events),
    onTransient: (name, payload) => effects.transient(name, payload),
    onResync: resync,
    onState: (s) => inboxStore.getState().setConnection(s),
    refreshAuth: () => authApi.me().then(() => undefined, () => undefined),
  });
}

export function stopLive(): void {
  connection?.close();
  connection = null;
  // Signing out (or switching workspace) must not leave another workspace's chats on screen.
  inboxStore.setState({ items: [], nextCursor: null, listStatus: 'idle', counts: null, selectedId: null, thread: null, parked: {}, members: [], teams: [], channels: [] });
}

export function emitTyping(conversationId: string, on: boolean): void {
  connection?.emit('typing', { conversationId, on });
}


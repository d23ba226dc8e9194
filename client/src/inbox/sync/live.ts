// Starts and stops the inbox's realtime line for the signed-in user, and wires events to the store
// and to the pages that follow them (shared/live-events.ts).
import { io } from 'socket.io-client';
import { authApi } from '../../api/auth';
import { useAuthStore } from '../../auth/auth-store';
import { canSee } from '../../auth/roles';
import i18n from '../../i18n';
import { alertAgent } from '../alerts/alerts';
import { showOpenToast } from '../alerts/open-toast';
import { contactLabel, memberName } from '../format';
import { createMyChats } from '../alerts/my-chats';
import { publishLive, publishResync } from '../../shared/live-events';
import { inboxApi } from '../api/inbox-api';
import { createRealtimeConnection, type RealtimeConnection } from '../realtime/realtime-connection';
import { inboxStore } from '../store/inbox-store';
import { createEventEffects } from './event-effects';
import { loadFirstPage, mergeFirstPage, refreshConversation, refreshCounts } from './list-loader';
import { markRead, refreshActivity, refreshBotInfo, refreshThreadMessages } from './thread-loader';

let connection: RealtimeConnection | null = null;

/** Navigates to a conversation (set by the inbox page so a notification click can open it). */
let navigateTo: (id: string) => void = () => undefined;
export const setLiveNavigator = (fn: (id: string) => void) => void (navigateTo = fn);

const myChats = createMyChats(() => useAuthStore.getState().user?.id ?? null);

/** The agent's open chats as the server has them; until it answers, the events build the set. Marketers have none (no inbox). */
function loadMyChats(): void {
  if (!canSee('inbox', useAuthStore.getState().role)) return;
  inboxApi.mine().then((page) => myChats.reset(page.items.map((c) => c.id)), () => undefined);
}

function resync(): void {
  loadMyChats();
  void loadFirstPage();
  refreshCounts();
  const open = inboxStore.getState().thread?.id;
  if (open) {
    void refreshThreadMessages(open);
    void refreshConversation(open);
    void refreshActivity(open);
  }
}

/**
 * Who gave the agent which customer's chat, or that a customer whose chat they closed wrote again
 * (`returning`); a chat the list does not show (another folder) is read to name its customer.
 */
async function assignedToast(id: string, by: string | null, returning: boolean): Promise<void> {
  const state = inboxStore.getState();
  const name = memberName(state.members, by);
  const row = state.items.find((c) => c.id === id) ?? (await inboxApi.get(id).catch(() => null));
  const contact = row ? contactLabel(row.contact, (ref) => i18n.t('inbox.unnamedContact', { ref })) : null;
  showOpenToast({
    id: `assigned-${id}`, color: 'teal', testId: 'assigned-toast', open: () => navigateTo(id),
    title: returning ? i18n.t('inbox.alerts.returningTitle') : name ? i18n.t('inbox.alerts.assignedBy', { name }) : i18n.t('inbox.alerts.assignedTitle'),
    message: contact ? i18n.t('inbox.alerts.assignedOpen', { contact, context: pointer() }) : i18n.t('inbox.alerts.assignedOpenUnknown', { context: pointer() }),
  });
}

/** "Tap" on a touch screen, "click" elsewhere: the i18n context of a toast's words. */
const pointer = () => (window.matchMedia('(hover: none)').matches ? 'touch' : undefined);

const effects = createEventEffects({
  store: inboxStore,
  refreshConversation: (id) => refreshConversation(id),
  mergeFirstPage: () => mergeFirstPage(),
  refreshThreadMessages: (id) => refreshThreadMessages(id),
  refreshBotInfo: (id) => refreshBotInfo(id),
  refreshActivity: (id) => refreshActivity(id),
  refreshCounts: () => refreshCounts(),
  markRead: (id) => void markRead(id, inboxStore, true),
  onTransferred: (e) => {
    const id = e.conversationId;
    if (!id) return;
    alertAgent(id, i18n.t('inbox.alerts.transferredTitle'), i18n.t('inbox.alerts.transferredBody'), () => navigateTo(id));
  },
  meId: () => useAuthStore.getState().user?.id ?? null,
  onAssignedToMe: (e) => {
    const id = e.conversationId;
    if (!id) return;
    alertAgent(id, i18n.t('inbox.alerts.assignedTitle'), i18n.t('inbox.alerts.assignedBody'), () => navigateTo(id));
    // In sight, the page says it too (the chat open on screen shows it in its thread already).
    if (document.visibilityState !== 'visible' || inboxStore.getState().thread?.id === id) return;
    void assignedToast(id, typeof e.by === 'string' ? e.by : null, e.returning === true);
  },
  onMentioned: (e) => {
    const id = e.conversationId;
    if (!id) return;
    const name = inboxStore.getState().members.find((m) => m.userId === e.by)?.name;
    const title = name ? i18n.t('inbox.alerts.mentionedTitle', { name }) : i18n.t('inbox.alerts.mentionedSomeone');
    alertAgent(id, title, i18n.t('inbox.alerts.mentionedBody'), () => navigateTo(id));
    // The tone is easy to miss and the system notification shows only while the tab is hidden: in
    // sight, the page says it too, and a click opens the chat.
    if (document.visibilityState === 'visible') {
      showOpenToast({ id: `mention-${id}`, color: 'yellow', title, message: i18n.t('inbox.alerts.mentionedOpen', { context: pointer() }), testId: 'mention-toast', open: () => navigateTo(id) });
    }
  },
  isMine: (id) => myChats.has(id),
  onCustomerMessage: (e) => {
    const id = e.conversationId;
    if (!id) return;
    alertAgent(id, i18n.t('inbox.alerts.repliedTitle'), i18n.t('inbox.alerts.repliedBody'), () => navigateTo(id));
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
  loadMyChats();
  connection = createRealtimeConnection({
    socket,
    fetchEvents: (after) => inboxApi.events(after),
    fetchLatest: () => inboxApi.latestEventId(),
    onEvents: (events) => {
      events.forEach(myChats.track);
      effects.apply(events);
      publishLive(events);
    },
    onTransient: (name, payload) => effects.transient(name, payload),
    onResync: () => {
      resync();
      publishResync();
    },
    onState: (s) => inboxStore.getState().setConnection(s),
    refreshAuth: () => authApi.me().then(() => undefined, () => undefined),
  });
}

export function stopLive(): void {
  connection?.close();
  connection = null;
  myChats.reset([]);
  // Signing out (or switching workspace) must not leave another workspace's chats on screen.
  inboxStore.setState({ items: [], nextCursor: null, listStatus: 'idle', counts: null, selectedId: null, thread: null, parked: {}, members: [], teams: [], channels: [] });
}

export function emitTyping(conversationId: string, on: boolean): void {
  connection?.emit('typing', { conversationId, on });
}


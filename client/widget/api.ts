// The widget's only network code: the public web-chat API and its socket.
import { io, type Socket } from 'socket.io-client';

export type ChatItem = {
  id: string;
  direction: 'in' | 'out';
  text: string | null;
  payload: {
    buttons?: Array<{ id: string; title: string }>;
    list?: { buttonLabel: string; rows: Array<{ id: string; title: string }> } | null;
    /** An image, video, audio or file: `url` opens it (signed for a while when the file is ours). */
    media?: { kind: 'image' | 'video' | 'audio' | 'document'; url?: string; filename?: string } | null;
    /** Set on a person's reply (the inbox), absent on the bot's. */
    sender?: { type: 'agent'; name: string | null } | null;
    /** The message a person's reply answers: its first words, shown above the reply. */
    context?: { text?: string } | null;
  };
  createdAt: string;
  /** Who wrote an outgoing message: the bot or a person from the team (with their name). */
  author?: 'bot' | 'agent' | 'contact';
  authorName?: string | null;
};

export const newClientMessageId = () => `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/** The person's name on an agent's reply ('' when unnamed), or null for the bot's messages. */
export function agentNameOf(item: ChatItem): string | null {
  if (item.direction !== 'out') return null;
  const name = (item.authorName ?? item.payload?.sender?.name ?? '').trim();
  return item.author === 'agent' || item.payload?.sender?.type === 'agent' || name ? name : null;
}

export type WebchatApi = {
  /** The latest chat's messages, and whether it was closed since (writing again reopens it). */
  history(): Promise<{ items: ChatItem[]; closed: boolean }>;
  /** `clientMessageId`: the same id on a retry, so a message that did arrive the first time is not stored twice. */
  send(text: string, replyId?: string, clientMessageId?: string): Promise<void>;
  onMessage(fn: (item: ChatItem) => void): void;
  /** Each time the socket (re)connects: what was pushed while it was not connected is in the history. */
  onConnect(fn: () => void): void;
  /** The business closed the chat (an agent, or after a quiet while). */
  onClosed(fn: () => void): void;
  /** A person from the team started or stopped typing (`name`: theirs, when they have one). */
  onTyping(fn: (signal: { on: boolean; name?: string | null }) => void): void;
  /** Tells the team the visitor is typing (or stopped); best effort, never fails the chat. */
  typing(on: boolean): Promise<void>;
};

export type Appearance = { language: 'pt-BR' | 'en'; color: string; title: string | null };

const storageKey = (channelId: string) => `zyntra.webchat.${channelId}`;

type Saved = { visitorId: string; resumeSecret: string };

/** What this browser keeps to resume its visitor; anything else (an older widget's bare id) starts afresh. */
function readSaved(channelId: string): Saved | null {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(channelId)) ?? 'null') as Partial<Saved> | null;
    return typeof saved?.visitorId === 'string' && typeof saved.resumeSecret === 'string' ? { visitorId: saved.visitorId, resumeSecret: saved.resumeSecret } : null;
  } catch {
    return null;
  }
}

/** True when this browser has a visitor to resume (the widget then reopens itself after a reload). */
export const hasSavedVisitor = (channelId: string) => readSaved(channelId) !== null;

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The channel's language, colour and title, as the tenant set them up. */
export async function fetchAppearance(origin: string, channelId: string): Promise<Appearance> {
  return json<Appearance>(await fetch(`${origin}/v1/webchat/${channelId}/appearance`));
}

/**
 * Starts this browser's visitor, or resumes it with the id and resume secret kept in localStorage
 * (the id alone is not enough: agents can see it). `visitorName`: the site's name for its visitor.
 */
export async function connectWebchat(origin: string, channelId: string, visitorName?: string): Promise<WebchatApi> {
  const saved = readSaved(channelId);
  const session = await json<Saved & { token: string }>(
    await fetch(`${origin}/v1/webchat/${channelId}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...saved, ...(visitorName?.trim() ? { name: visitorName.trim().slice(0, 80) } : {}) }),
    }),
  );
  localStorage.setItem(storageKey(channelId), JSON.stringify({ visitorId: session.visitorId, resumeSecret: session.resumeSecret }));
  const token = session.token;
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const socket: Socket = io(`${origin}/webchat`, { auth: { visitorToken: token }, transports: ['websocket', 'polling'] });
  return {
    history: async () => {
      const got = await json<{ items: ChatItem[]; closed?: boolean }>(await fetch(`${origin}/v1/webchat/${channelId}/messages`, { headers: auth }));
      return { items: got.items, closed: got.closed === true };
    },
    async send(text, replyId, clientMessageId = newClientMessageId()) {
      await json(await fetch(`${origin}/v1/webchat/${channelId}/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ text, replyId, clientMessageId }) }));
    },
    onMessage: (fn) => void socket.on('message', fn),
    onConnect: (fn) => void socket.on('connect', fn),
    onClosed: (fn) => void socket.on('closed', fn),
    onTyping: (fn) => void socket.on('typing', (signal: { on?: unknown; who?: unknown; name?: unknown }) => {
      if (signal?.who === 'agent') fn({ on: signal.on === true, name: typeof signal.name === 'string' ? signal.name : null });
    }),
    async typing(on) {
      await fetch(`${origin}/v1/webchat/${channelId}/typing`, { method: 'POST', headers: auth, body: JSON.stringify({ on }) }).catch(() => undefined);
    },
  };
}

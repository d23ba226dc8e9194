// Web chat "sends" by pushing the message to the visitor's socket room. A visitor who is offline
// reads it from the history endpoint on the next page load, so the message is never lost.
import type { OutboundContent } from '@zyntra/flows-schema';
import type { RealtimeEmitter } from '../../realtime/emitter';
import type { ChannelAdapter } from '../channel-adapter';

export type WebchatItem = {
  id: string;
  direction: 'in' | 'out';
  text: string | null;
  payload: Partial<OutboundContent> | Record<string, unknown>;
  createdAt: string;
  /** Who wrote it, so the widget shows an agent's name instead of the bot's look. */
  author?: 'bot' | 'agent' | 'system';
  authorName?: string | null;
};

/** Agent replies carry `sender` in their payload (inbox/reply-content.ts). */
const senderOf = (content: OutboundContent) => (content as OutboundContent & { sender?: { type: 'agent'; name: string | null } }).sender;

export function createWebchatAdapter(emitter: RealtimeEmitter): ChannelAdapter {
  return {
    type: 'webchat',
    async send(channel, to, content, messageId) {
      const sender = senderOf(content);
      // The outbox already signed a link to a stored file (media.url); its storage key stays here.
      const media = content.media ? (({ storageKey: _key, ...shown }) => shown)(content.media) : content.media;
      const item: WebchatItem = {
        id: messageId, direction: 'out', text: content.text, payload: { ...content, media }, createdAt: new Date().toISOString(),
        author: sender?.type ?? 'bot', authorName: sender?.name ?? null,
      };
      emitter.toVisitor(channel.id, to.externalId, 'message', item);
      return { providerMessageId: messageId };
    },
    async typing(channel, to, signal) {
      emitter.toVisitor(channel.id, to.externalId, 'typing', { on: signal.on, who: 'agent', name: signal.name });
    },
  };
}

// Web chat "sends" by pushing the message to the visitor's socket room. A visitor who is offline
// reads it from the history endpoint on the next page load, so the message is never lost.
import type { OutboundContent } from '../../engine/actions';
import type { RealtimeEmitter } from '../../realtime/emitter';
import type { ChannelAdapter } from '../channel-adapter';

export type WebchatItem = {
  id: string;
  direction: 'in' | 'out';
  text: string | null;
  payload: Partial<OutboundContent> | Record<string, unknown>;
  createdAt: string;
  /** A person's reply carries their name (the inbox stores it in the payload), so the widget shows who wrote. */
  author: 'bot' | 'agent';
  authorName: string | null;
};

/** The agent's name an inbox reply stored in its payload; null for the bot's messages. */
export function agentNameOf(content: OutboundContent): string | null {
  const name = (content as OutboundContent & { agentName?: unknown }).agentName;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

export function createWebchatAdapter(emitter: RealtimeEmitter): ChannelAdapter {
  return {
    type: 'webchat',
    async send(channel, to, content, messageId) {
      const authorName = agentNameOf(content);
      const item: WebchatItem = {
        id: messageId, direction: 'out', text: content.text, payload: content, createdAt: new Date().toISOString(),
        author: authorName ? 'agent' : 'bot', authorName,
      };
      emitter.toVisitor(channel.id, to.externalId, 'message', item);
      return { providerMessageId: messageId };
    },
  };
}

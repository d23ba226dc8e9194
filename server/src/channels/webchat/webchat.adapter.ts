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
};

export function createWebchatAdapter(emitter: RealtimeEmitter): ChannelAdapter {
  return {
    type: 'webchat',
    async send(channel, to, content, messageId) {
      const item: WebchatItem = { id: messageId, direction: 'out', text: content.text, payload: content, createdAt: new Date().toISOString() };
      emitter.toVisitor(channel.id, to.externalId, 'message', item);
      return { providerMessageId: messageId };
    },
  };
}

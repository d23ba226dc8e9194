import { describe, expect, it } from 'vitest';
import type { OutboundContent } from '@zyntra/flows-schema';
import type { ChannelRecord } from '../channel-types';
import { createWebchatAdapter } from './webchat.adapter';

const content = (extra: Record<string, unknown> = {}) =>
  ({ text: 'Oi!', buttons: [], list: null, media: null, typingDelayMs: 0, ...extra }) as OutboundContent;

function pushed() {
  const items: Array<{ event: string; payload: any }> = [];
  const adapter = createWebchatAdapter({ toTenant: () => undefined, disconnectUser: () => undefined, disconnectFamily: () => undefined, applyRole: () => undefined, toVisitor: (_c, _v, event, payload) => void items.push({ event, payload }) });
  return { adapter, items };
}

describe('web-chat adapter', () => {
  it("when a person replies from the inbox, then the visitor's item names them; the bot's stays the bot's", async () => {
    const { adapter, items } = pushed();
    const channel = { id: 'ch1' } as ChannelRecord;
    await adapter.send(channel, { externalId: 'v1', phone: null }, content({ sender: { type: 'agent', name: 'Ana' } }), 'm1');
    await adapter.send(channel, { externalId: 'v1', phone: null }, content(), 'm2');
    expect(items.map((i) => [i.event, i.payload.id, i.payload.author, i.payload.authorName])).toEqual([
      ['message', 'm1', 'agent', 'Ana'],
      ['message', 'm2', 'bot', null],
    ]);
  });

  it("when a person's reply answers a visitor's message, then the visitor's item carries its first words to quote", async () => {
    const { adapter, items } = pushed();
    const context = { messageId: 'wc:v1:c7', fromMe: false, text: 'Vocês entregam no sábado?' };
    await adapter.send({ id: 'ch1' } as ChannelRecord, { externalId: 'v1', phone: null }, content({ context }), 'm3');
    expect(items[0]!.payload.payload.context).toEqual(context);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStorable } from '../db/storable-text';
import { expectStorableItem, field, hostileString, junk } from '../../test/inbound-fuzz';
import { visitorItem } from './webchat.parse';
import { visitorMessageBody } from './webchat.schemas';

const NOW = new Date('2026-03-04T05:06:07.000Z');
const visitor = { tenantId: 't', channelId: 'c', visitorId: '8d4f5b8e-3f7a-4c55-9d2e-2a0d6c1e9b10' };
const anyBody = fc.oneof(
  junk,
  fc.record({ text: field(fc.oneof(hostileString, fc.string({ maxLength: 5000 }))), replyId: field(hostileString), clientMessageId: field(fc.stringMatching(/^[\w-]{8,64}$/)) }, { requiredKeys: [] }),
);

describe('web-chat visitor messages', () => {
  it('when text carries NUL or a lone surrogate, then the body is refused (the API answers 400)', () => {
    for (const text of ['a\u0000', 'x\ud800', '\udc00y']) expect(visitorMessageBody.safeParse({ text }).success).toBe(false);
    expect(visitorMessageBody.safeParse({ text: 'ok', replyId: 'b\u0000' }).success).toBe(false);
    expect(visitorMessageBody.safeParse({ text: 'olá 😀' }).success).toBe(true);
  });

  it('whatever the body, it is either refused or becomes a storable item carrying exactly its text', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const parsed = visitorMessageBody.safeParse(body);
        const text = (body as { text?: unknown } | null)?.text;
        if (typeof text === 'string' && !isStorable(text)) expect(parsed.success).toBe(false);
        if (!parsed.success) return;
        const item = visitorItem(visitor, parsed.data, NOW, () => 'generated-id');
        expectStorableItem(item, NOW);
        expect(item).toMatchObject({ kind: 'message', contact: { externalId: visitor.visitorId }, content: { text: parsed.data.text } });
      }),
      { numRuns: 500 },
    );
  });
});

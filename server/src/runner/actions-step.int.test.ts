// The actions step through the real pipeline: a customer's message on the fake WhatsApp Cloud API
// runs a flow that tags the contact, sets a variable the next message prints and a contact attribute.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await p.publish(
    flow(
      [
        keywordTrigger('promo'),
        node('act', 'actions', {
          actions: [
            { kind: 'add_tags', tags: ['promo', 'origem-{{last_reply}}'], name: '', value: '' },
            { kind: 'remove_tags', tags: ['frio'], name: '', value: '' },
            { kind: 'set_variable', tags: [], name: 'cupom', value: 'BLACK-{{contact.name}}' },
            { kind: 'set_attribute', tags: [], name: 'campanha', value: '{{cupom}}' },
          ],
        }),
        node('say', 'message', { text: 'Seu cupom: {{cupom}}' }),
      ],
      [edge('start', 'next', 'act'), edge('act', 'next', 'say')],
      ['cupom'],
    ),
    'Promoção',
  );
});

describe('actions step', () => {
  it('when a customer writes the keyword, then the contact is tagged and untagged, the attribute is set and the next message prints the variable', async () => {
    const c = { waId: `5511977${String(Date.now() % 100_000).padStart(5, '0')}`, name: 'Ana' };
    // The contact exists already with a tag the flow removes.
    await p.wa.inbound(c, textMessage('oi'));
    await eventually(async () => (await db.query('SELECT id FROM contacts WHERE phone = $1', [c.waId])).rowCount === 1);
    await db.query("UPDATE contacts SET tags = ARRAY['frio','antigo'] WHERE phone = $1", [c.waId]);

    await p.wa.inbound(c, textMessage('promo'));
    await eventually(() => sentTexts(p.wa, c.waId).length > 0);
    expect(sentTexts(p.wa, c.waId)).toEqual(['Seu cupom: BLACK-Ana']);
    const contact = (await db.query('SELECT tenant_id, tags, attributes FROM contacts WHERE phone = $1', [c.waId])).rows[0];
    expect(contact.tenant_id).toBe(p.tenantId);
    expect([...contact.tags].sort()).toEqual(['antigo', 'origem-promo', 'promo']);
    expect(contact.attributes).toMatchObject({ campanha: 'BLACK-Ana' });
  });
});

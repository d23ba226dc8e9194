// A flow that reaches a customer again after a long wait: trigger → ask → wait → send_template. The
// template goes out through the outbox with its values filled from the contact and the answer the
// flow saved (its link button's ending too: WhatsApp refuses the send without it, 132000), once, and
// the thread keeps it as the customer reads it, the link filled in.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, syncTemplates, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  // The thread shows the template's parts from the channel's copy.
  await syncTemplates(p, {
    name: 'pedido_saiu', language: 'pt_BR', status: 'APPROVED', bodyParams: 2,
    components: [
      { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu para entrega.', example: { body_text: [['Ana', '#1023']] } },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Falar com atendente' }, { type: 'URL', text: 'Rastrear', url: 'https://loja.example/pedido/{{1}}', example: ['1023'] }] },
    ],
  }, {
    name: 'aviso_loja', language: 'pt_BR', status: 'APPROVED', bodyParams: 1,
    components: [{ type: 'BODY', text: 'Olá {{1}}, temos novidades.', example: { body_text: [['Ana']] } }],
  });
});

describe('send_template step', () => {
  it('when the wait ends, then WhatsApp receives one template send with the contact’s name and the saved answer, in the body and the link', async () => {
    await p.publish(
      flow(
        [
          keywordTrigger('pedido'),
          node('ask', 'wait', { mode: 'reply', saveAs: 'pedido', timeoutSeconds: null }),
          // Two days in the product; a second here, through the same timer path.
          node('later', 'wait', { mode: 'delay', delaySeconds: 1 }),
          node('remind', 'send_template', {
            name: 'pedido_saiu', language: 'pt_BR', body: ['{{contact.name}}', '#{{pedido}}'], text: 'Olá {{1}}, seu pedido {{2}} saiu para entrega.',
            buttons: [{ index: 1, subType: 'url', value: '{{pedido}}' }],
          }),
        ],
        [edge('start', 'next', 'ask'), edge('ask', 'next', 'later'), edge('later', 'next', 'remind')],
        ['pedido'],
      ),
      'Lembrete',
    );
    const customer = { waId: '5511420000001', name: 'Rita Alves' };
    await p.wa.inbound(customer, textMessage('pedido'));
    await eventually(async () => (await db.query("SELECT 1 FROM flow_sessions s JOIN conversations c ON c.id = s.conversation_id JOIN contacts ct ON ct.id = c.contact_id WHERE ct.phone = $1 AND s.status = 'active'", [customer.waId])).rowCount);
    await p.wa.inbound(customer, textMessage('1023 B'));
    const sent = await eventually(() => p.wa.sendsTo(customer.waId).find((s) => s.body.type === 'template'), 20_000);
    // Meta's shape (reference/whatsapp-templates.md §3): the link's ending percent-encoded.
    expect(sent.body.template).toEqual({
      name: 'pedido_saiu', language: { code: 'pt_BR' },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: 'Rita Alves' }, { type: 'text', text: '#1023 B' }] },
        { type: 'button', sub_type: 'url', index: 1, parameters: [{ type: 'text', text: '1023%20B' }] },
      ],
    });
    const stored = await eventually(async () => (await db.query("SELECT m.type, m.text, m.status FROM messages m JOIN contacts ct ON ct.id = (SELECT contact_id FROM conversations WHERE id = m.conversation_id) WHERE ct.phone = $1 AND m.node_id = 'remind' AND m.status = 'sent'", [customer.waId])).rows[0]);
    expect(stored).toEqual({ type: 'template', text: 'Olá Rita Alves, seu pedido #1023 B saiu para entrega.', status: 'sent' });
    const conversation = (await db.query('SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1', [customer.waId])).rows[0].id;
    const items = (await api(p.app, 'GET', `/v1/conversations/${conversation}/messages`, undefined, p.token)).body.items as any[];
    expect(items.find((m) => m.type === 'template')).toMatchObject({
      author: 'bot', text: 'Olá Rita Alves, seu pedido #1023 B saiu para entrega.',
      template: {
        name: 'pedido_saiu', language: 'pt_BR',
        buttons: [{ type: 'quick_reply', text: 'Falar com atendente' }, { type: 'url', text: 'Rastrear', url: 'https://loja.example/pedido/1023%20B' }],
      },
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(p.wa.sendsTo(customer.waId).filter((s) => s.body.type === 'template')).toHaveLength(1);
  });

  it('when a live version names a template that since gained a link button, then the message fails without asking WhatsApp', async () => {
    await p.publish(
      flow([keywordTrigger('novidades'), node('tell', 'send_template', { name: 'aviso_loja', language: 'pt_BR', body: ['{{contact.name}}'], text: 'Olá {{1}}, temos novidades.' })], [edge('start', 'next', 'tell')]),
      'Aviso',
    );
    // Edited in Meta's tools and synced after the flow went live: its link now takes a value the step has not.
    await db.query("UPDATE whatsapp_templates SET components = $1 WHERE name = 'aviso_loja'", [JSON.stringify([
      { type: 'BODY', text: 'Olá {{1}}, temos novidades.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Ver', url: 'https://loja.example/n/{{1}}' }] },
    ])]);
    const customer = { waId: '5511420000002', name: 'Caio' };
    await p.wa.inbound(customer, textMessage('novidades'));
    const stored = await eventually(async () => (await db.query("SELECT m.status, m.error FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts ct ON ct.id = c.contact_id WHERE ct.phone = $1 AND m.node_id = 'tell'", [customer.waId])).rows[0]);
    expect(stored).toEqual({ status: 'failed', error: 'template_parameters: Button 1 takes a value' });
    await new Promise((r) => setTimeout(r, 500));
    expect(p.wa.sendsTo(customer.waId).filter((x) => x.body.type === 'template')).toEqual([]);
  });
});

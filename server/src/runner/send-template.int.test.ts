// A flow that reaches a customer again after a long wait: trigger → ask → wait → send_template. The
// template goes out through the outbox with its values filled from the contact and the answer the
// flow saved, once, and the thread keeps it as the customer reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
beforeAll(async () => {
  p = await startPipeline();
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  p.wa.addTemplate({ name: 'pedido_saiu', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
});
afterAll(async () => {
  await db?.end();
  await p?.close();
});

describe('send_template step', () => {
  it('when the wait ends, then WhatsApp receives one template send with the contact’s name and the saved answer', async () => {
    await p.publish(
      flow(
        [
          keywordTrigger('pedido'),
          node('ask', 'wait', { mode: 'reply', saveAs: 'pedido', timeoutSeconds: null }),
          // Two days in the product; a second here, through the same timer path.
          node('later', 'wait', { mode: 'delay', delaySeconds: 1 }),
          node('remind', 'send_template', {
            name: 'pedido_saiu', language: 'pt_BR', body: ['{{contact.name}}', '#{{pedido}}'], text: 'Olá {{1}}, seu pedido {{2}} saiu para entrega.',
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
    await p.wa.inbound(customer, textMessage('1023'));
    const sent = await eventually(() => p.wa.sendsTo(customer.waId).find((s) => s.body.type === 'template'), 20_000);
    expect(sent.body.template).toEqual({
      name: 'pedido_saiu', language: { code: 'pt_BR' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Rita Alves' }, { type: 'text', text: '#1023' }] }],
    });
    const stored = await eventually(async () => (await db.query("SELECT m.type, m.text, m.status FROM messages m JOIN contacts ct ON ct.id = (SELECT contact_id FROM conversations WHERE id = m.conversation_id) WHERE ct.phone = $1 AND m.node_id = 'remind' AND m.status = 'sent'", [customer.waId])).rows[0]);
    expect(stored).toEqual({ type: 'template', text: 'Olá Rita Alves, seu pedido #1023 saiu para entrega.', status: 'sent' });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(p.wa.sendsTo(customer.waId).filter((s) => s.body.type === 'template')).toHaveLength(1);
  });
});

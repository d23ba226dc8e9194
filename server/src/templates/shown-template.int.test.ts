// Template messages in the thread as the customer saw them: whatever sent the template (an agent's
// reply, a flow's step, a campaign and its test send), the message keeps the header, footer and
// buttons the channel's template had then, with the values filled in; a later edit of the template
// leaves it as it was, and the customer's tap on a button reads as the button's label and quotes
// the template it answers.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, syncTemplates, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

const BANNER = 'https://cdn.example/banner-dezembro.jpg';

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await syncTemplates(p, {
    name: 'pedido_saiu', language: 'pt_BR', status: 'APPROVED', bodyParams: 1, headerParams: 1,
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}', example: { header_text: ['#1023'] } },
      { type: 'BODY', text: 'Olá {{1}}, seu pedido saiu para entrega.', example: { body_text: [['Ana']] } },
      { type: 'FOOTER', text: 'Loja Exemplo' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Quero!' }, { type: 'URL', text: 'Rastrear', url: 'https://loja.example/r/{{1}}', example: ['1023'] }] },
    ],
  }, {
    name: 'ofertas', language: 'pt_BR', status: 'APPROVED', bodyParams: 0, headerParams: 1,
    components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Ofertas de dezembro!' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Quero!' }] }],
  });
});

const conversationOf = async (waId: string) => eventually(async () =>
  (await db.query('SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1 ORDER BY cv.created_at DESC', [waId])).rows[0]?.id as string | undefined);
const messages = async (id: string) => (await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, p.token)).body.items as any[];
const templateOf = async (id: string) => eventually(async () => (await messages(id)).find((m) => m.type === 'template'));

const offers = { name: 'ofertas', language: 'pt_BR', header: { type: 'image', mediaUrl: BANNER }, buttons: [{ type: 'quick_reply', text: 'Quero!' }] };

describe('a template message in the thread', () => {
  it("when an agent sends one, then it keeps the header, footer and buttons as filled in; a later edit leaves it; the customer's tap reads as the button", async () => {
    const waId = '5511430000001';
    await p.wa.inbound({ waId, name: 'Ana Souza' }, textMessage('oi'));
    const id = await conversationOf(waId);
    const template = { name: 'pedido_saiu', language: 'pt_BR', parameters: {
      body: ['{{contact.name}}'], header: { type: 'text', value: '#1023' }, buttons: [{ index: 1, subType: 'url', value: '{{contact.name}}' }],
    } };
    const sent = await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { template }, p.token);
    expect(sent.status).toBe(201);
    const seen = {
      name: 'pedido_saiu', language: 'pt_BR', header: { type: 'text', text: 'Pedido #1023' }, footer: 'Loja Exemplo',
      buttons: [{ type: 'quick_reply', text: 'Quero!' }, { type: 'url', text: 'Rastrear', url: 'https://loja.example/r/Ana%20Souza' }],
    };
    expect(sent.body).toMatchObject({ type: 'template', text: 'Olá Ana Souza, seu pedido saiu para entrega.', template: seen });
    const wa = await eventually(() => p.wa.sendsTo(waId).find((s) => s.body.type === 'template'));

    // The template changes afterwards: what the customer saw does not.
    await db.query(`UPDATE whatsapp_templates SET components = '[{"type":"BODY","text":"Outro texto"},{"type":"FOOTER","text":"Loja Nova"}]' WHERE tenant_id = $1 AND name = 'pedido_saiu'`, [p.tenantId]);
    await p.wa.inbound({ waId, name: 'Ana Souza' }, { type: 'button', button: { text: 'Quero!', payload: 'Quero!' }, context: { from: '15550001111', id: wa.id } });
    const thread = await eventually(async () => {
      const items = await messages(id);
      return items.some((m) => m.direction === 'in' && m.type === 'button') ? items : null;
    });
    expect(thread.find((m) => m.id === sent.body.id).template).toEqual(seen);
    const tap = thread.find((m) => m.type === 'button');
    expect(tap).toMatchObject({ direction: 'in', text: 'Quero!', template: null });
    // The tap answers that template: the thread quotes it, as WhatsApp showed the customer.
    const quoted = { id: sent.body.id, author: 'agent', type: 'template', text: 'Olá Ana Souza, seu pedido saiu para entrega.' };
    expect(tap.replyTo).toEqual(quoted);
    expect((await api(p.app, 'GET', `/v1/conversations/${id}/messages/${tap.id}`, undefined, p.token)).body.replyTo).toEqual(quoted);
    expect(thread.find((m) => m.text === 'oi').replyTo).toBeNull();
    // A reply to a message this workspace never had (sent before it connected) says it answers one, without words.
    await p.wa.inbound({ waId, name: 'Ana Souza' }, { ...textMessage('esse aqui'), context: { from: '15550001111', id: 'wamid.de-antes' } });
    const older = await eventually(async () => (await messages(id)).find((m) => m.text === 'esse aqui'));
    expect(older.replyTo).toEqual({ id: null, author: null, type: null, text: null });
    // The realtime event names the message; the one-message read it leads to carries the same.
    expect((await api(p.app, 'GET', `/v1/conversations/${id}/messages/${sent.body.id}`, undefined, p.token)).body.template).toEqual(seen);
  });

  it('when a template was stored before its parts were kept, then it shows its body only', async () => {
    const waId = '5511430000002';
    await p.wa.inbound({ waId, name: 'Bia' }, textMessage('oi'));
    const id = await conversationOf(waId);
    const template = { name: 'ofertas', language: 'pt_BR', parameters: { header: { type: 'image', value: BANNER } } };
    const sent = await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { template }, p.token);
    expect(sent.body.template).toEqual(offers);
    await db.query("UPDATE messages SET payload = payload - 'templateView' WHERE id = $1", [sent.body.id]);
    expect(await templateOf(id)).toMatchObject({ text: 'Ofertas de dezembro!', template: null });
  });

  it("when a flow's step sends one, then the thread shows it with its image header and button", async () => {
    await p.publish(flow(
      [keywordTrigger('ofertas'), node('send', 'send_template', { name: 'ofertas', language: 'pt_BR', headerType: 'image', header: BANNER, text: 'Ofertas de dezembro!' })],
      [edge('start', 'next', 'send')],
    ), 'Ofertas');
    const waId = '5511430000003';
    await p.wa.inbound({ waId, name: 'Caio' }, textMessage('ofertas'));
    expect(await templateOf(await conversationOf(waId))).toMatchObject({ author: 'bot', text: 'Ofertas de dezembro!', template: offers });
  });

  it('when a campaign and its test send reach customers, then each message shows the template as sent', async () => {
    const template = { name: 'ofertas', language: 'pt_BR', parameters: { header: { type: 'image', value: BANNER } }, text: 'Ofertas de dezembro!' };
    const waId = '5511987430004';
    const created = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Dezembro', channelId: p.channelId, template, audience: { phones: [`+${waId}`] }, window: { start: '00:00', end: '24:00' },
    }, p.token);
    expect(created.status).toBe(201);
    const test = await api(p.app, 'POST', `/v1/campaigns/${created.body.id}/test`, { phone: '+5511987430005' }, p.token);
    expect(test.status).toBe(201);
    expect(await templateOf(test.body.conversationId)).toMatchObject({ author: 'bot', template: offers });
    expect((await api(p.app, 'POST', `/v1/campaigns/${created.body.id}/start`, {}, p.token)).status).toBeLessThan(300);
    await eventually(() => p.wa.sendsTo(waId).length > 0, 30_000);
    expect(await templateOf(await conversationOf(waId))).toMatchObject({ author: 'bot', text: 'Ofertas de dezembro!', template: offers });
  });
});

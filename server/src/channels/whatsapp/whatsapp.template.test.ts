import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundContent } from '@zyntra/flows-schema';
import { startFakeWhatsApp, type FakeWhatsApp } from '../../../test/fakes/fake-whatsapp';
import type { SendError } from '../channel-adapter';
import type { ChannelRecord } from '../channel-types';
import { createWhatsAppAdapter } from './whatsapp.client';
import { formatWhatsAppMessage } from './whatsapp.format';
import { formatTemplate } from './whatsapp.template';

const content = (template: OutboundContent['template']): OutboundContent => ({ text: 'Olá Ana', buttons: [], list: null, media: null, typingDelayMs: 0, template });

describe('template format', () => {
  it('when a template has header, body and buttons, then the components follow the Cloud API shape', () => {
    expect(
      formatTemplate({
        name: 'pedido_saiu', language: 'pt_BR',
        parameters: {
          header: { type: 'image', value: 'https://cdn.example/p.jpg' }, body: ['Ana', '#1023'],
          buttons: [{ index: 0, subType: 'quick_reply', value: 'handoff' }, { index: 1, subType: 'url', value: 'Gonçalves' }],
        },
      }),
    ).toEqual({
      name: 'pedido_saiu', language: { code: 'pt_BR' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example/p.jpg' } }] },
        { type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: '#1023' }] },
        { type: 'button', sub_type: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'handoff' }] },
        { type: 'button', sub_type: 'url', index: 1, parameters: [{ type: 'text', text: 'Gon%C3%A7alves' }] },
      ],
    });
  });

  it('when the template was made with named parameters, then each value carries its parameter_name', () => {
    expect(
      formatTemplate({
        name: 'boas_vindas', language: 'pt_BR', parameters: { header: { type: 'text', value: 'Ana' }, body: ['Ana', '#1023'] },
        parameterNames: { header: 'nome', body: ['nome', 'pedido'] },
      }).components,
    ).toEqual([
      { type: 'header', parameters: [{ type: 'text', text: 'Ana', parameter_name: 'nome' }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Ana', parameter_name: 'nome' }, { type: 'text', text: '#1023', parameter_name: 'pedido' }] },
    ]);
  });

  it('when content carries a template, then the message is of type template with our callback data', () => {
    const body = formatWhatsAppMessage({ externalId: '5511988887777', phone: '5511988887777' }, content({ name: 'oi', language: 'pt_BR', parameters: {} }), 'msg-1');
    expect(body).toMatchObject({ type: 'template', to: '5511988887777', biz_opaque_callback_data: 'msg-1', template: { name: 'oi', language: { code: 'pt_BR' } } });
    expect(body).not.toHaveProperty('text');
  });
});

describe('template sends against the fake Graph API', () => {
  let wa: FakeWhatsApp;
  const channel: ChannelRecord = { id: 'c1', tenantId: 't1', type: 'whatsapp_cloud', name: 'WA', config: { phoneNumberId: '106540352242922' }, secrets: { accessToken: 'tok' } };
  const adapter = () => createWhatsAppAdapter({ WHATSAPP_GRAPH_BASE_URL: wa.baseUrl, WHATSAPP_GRAPH_VERSION: 'v23.0' });
  const to = (n: string) => ({ externalId: n, phone: n });
  const send = (n: string, t: OutboundContent['template']) => adapter().send(channel, to(n), content(t), 'm1');
  const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: SendError) => ({ kind: e.kind, code: e.code }));

  beforeAll(async () => {
    wa = await startFakeWhatsApp({ accessToken: 'tok', appSecret: 's' });
    wa.addTemplate({ name: 'promo', language: 'pt_BR', status: 'APPROVED', bodyParams: 1 });
    wa.addTemplate({ name: 'waiting', language: 'pt_BR', status: 'PENDING', bodyParams: 0 });
    wa.addTemplate({ name: 'paused', language: 'pt_BR', status: 'PAUSED', bodyParams: 0 });
  });
  afterAll(() => wa.close());

  it('when the template is approved and the parameters match, then it is accepted and recorded', async () => {
    const { providerMessageId } = await send('5511900000001', { name: 'promo', language: 'pt_BR', parameters: { body: ['Ana'] } });
    expect(providerMessageId).toMatch(/^wamid\./);
    expect(wa.sendsTo('5511900000001')).toHaveLength(1);
  });

  it('when the template is unknown, not approved, or in another language, then 132001 is a permanent error', async () => {
    expect(await errorOf(send('5511900000002', { name: 'nope', language: 'pt_BR', parameters: {} }))).toEqual({ kind: 'permanent', code: '132001' });
    expect(await errorOf(send('5511900000002', { name: 'waiting', language: 'pt_BR', parameters: {} }))).toEqual({ kind: 'permanent', code: '132001' });
    expect(await errorOf(send('5511900000002', { name: 'promo', language: 'en_US', parameters: { body: ['x'] } }))).toEqual({ kind: 'permanent', code: '132001' });
    expect(wa.sendsTo('5511900000002')).toHaveLength(0);
  });

  it('when the parameter count is wrong, then 132000; when paused, then 132015', async () => {
    expect(await errorOf(send('5511900000003', { name: 'promo', language: 'pt_BR', parameters: { body: [] } }))).toEqual({ kind: 'permanent', code: '132000' });
    expect(await errorOf(send('5511900000003', { name: 'paused', language: 'pt_BR', parameters: {} }))).toEqual({ kind: 'permanent', code: '132015' });
  });

  it('when 131056 is injected for a recipient, then sends to it are rate limited until the injection runs out, others unaffected', async () => {
    wa.failFor('5511900000004', 131056, 2);
    const t = { name: 'promo', language: 'pt_BR', parameters: { body: ['x'] } };
    expect(await errorOf(send('5511900000004', t))).toEqual({ kind: 'rate_limited', code: '131056' });
    expect(await errorOf(send('5511900000005', t))).toBeNull();
    expect(await errorOf(send('5511900000004', t))).toEqual({ kind: 'rate_limited', code: '131056' });
    expect(await errorOf(send('5511900000004', t))).toBeNull();
    expect(wa.sendsTo('5511900000004')).toHaveLength(1);
  });

  it('when 131049, 131050 or 130472 is injected, then the send is accepted and the failure comes as a status', async () => {
    const received: unknown[] = [];
    const { createServer } = await import('node:http');
    const hook = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c)).on('end', () => {
        received.push(JSON.parse(raw));
        res.end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const port = (hook.address() as { port: number }).port;
    const wa2 = await startFakeWhatsApp({ accessToken: 'tok', appSecret: 's', webhookUrl: () => `http://127.0.0.1:${port}/` });
    try {
      wa2.addTemplate({ name: 'promo', language: 'pt_BR', status: 'APPROVED', bodyParams: 0 });
      const codes = [131049, 131050, 130472] as const;
      for (const [i, code] of codes.entries()) wa2.failFor(`551190000010${i}`, code);
      const a = createWhatsAppAdapter({ WHATSAPP_GRAPH_BASE_URL: wa2.baseUrl, WHATSAPP_GRAPH_VERSION: 'v23.0' });
      for (const i of [0, 1, 2]) await a.send(channel, to(`551190000010${i}`), content({ name: 'promo', language: 'pt_BR', parameters: {} }), `m${i}`);
      const deadline = Date.now() + 5_000;
      while (received.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const statuses = received.map((b: any) => b.entry[0].changes[0].value.statuses[0]);
      expect(statuses.map((s) => [s.status, s.errors[0].code, s.biz_opaque_callback_data]).sort()).toEqual([
        ['failed', 130472, 'm2'], ['failed', 131049, 'm0'], ['failed', 131050, 'm1'],
      ]);
    } finally {
      await wa2.close();
      hook.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { buttonReply, textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
beforeAll(async () => {
  p = await startPipeline();
});
afterAll(() => p?.close());

describe('flow analytics', () => {
  it('when customers go through a published flow, then each node shows who reached it and who stopped there', async () => {
    const { flowId } = await p.publish(
      flow(
        [keywordTrigger('promo'), node('menu', 'message', { text: 'Quer o cupom?', buttons: [{ id: 'sim', title: 'Sim' }] }), node('coupon', 'message', { text: 'CUPOM10' })],
        [edge('start', 'next', 'menu'), edge('menu', 'btn:sim', 'coupon')],
      ),
      'Promo',
    );
    await p.wa.inbound({ waId: '5511400000001' }, textMessage('promo'));
    await p.wa.inbound({ waId: '5511400000002' }, textMessage('promo'));
    await eventually(() => p.wa.sends.length === 2);
    await p.wa.inbound({ waId: '5511400000001' }, buttonReply('sim', 'Sim'));
    await eventually(() => p.wa.sends.length === 3);

    const res = await api(p.app, 'GET', `/v1/flows/${flowId}/analytics?days=7`, undefined, p.token);
    expect(res.status).toBe(200);
    expect(res.body.nodes.start).toEqual({ reached: 2, stoppedHere: 0 });
    expect(res.body.nodes.menu).toEqual({ reached: 2, stoppedHere: 1 });
    expect(res.body.nodes.coupon).toEqual({ reached: 1, stoppedHere: 1 });
    const list = await api(p.app, 'GET', '/v1/flows', undefined, p.token);
    expect(list.body.items.find((f: any) => f.id === flowId).conversationsLast7Days).toBe(2);
  });

  it('when another workspace asks, then the flow is not found', async () => {
    const created = await api(p.app, 'POST', '/v1/flows', { name: 'X' }, p.token);
    const other = await api(p.app, 'POST', '/v1/auth/signup', { workspaceName: 'O', name: 'O', email: `o${Date.now()}@example.com`, password: 'senha-forte-1' });
    expect((await api(p.app, 'GET', `/v1/flows/${created.body.id}/analytics`, undefined, other.body.token)).status).toBe(404);
  });
});

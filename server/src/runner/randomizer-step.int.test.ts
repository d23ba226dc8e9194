// The randomizer through the real pipeline: customers on the fake WhatsApp Cloud API write the
// keyword, each gets exactly one of the two offers, both offers go out, and the flow's analytics
// count who reached each.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { api } from '../../test/harness';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let flowId: string;
pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  ({ flowId } = await p.publish(
    flow(
      [
        keywordTrigger('oferta'),
        { ...node('ab', 'randomizer', { paths: [{ id: 'a', label: 'Desconto', weight: 1 }, { id: 'b', label: 'Frete', weight: 1 }] }), name: 'Teste de oferta' },
        node('desconto', 'message', { text: 'Oferta A: 10% de desconto' }),
        node('frete', 'message', { text: 'Oferta B: frete grátis' }),
      ],
      [edge('start', 'next', 'ab'), edge('ab', 'path:a', 'desconto'), edge('ab', 'path:b', 'frete')],
    ),
    'Teste A/B',
  ));
});

describe('randomizer step', () => {
  it('when 30 customers write the keyword, then each gets exactly one offer, both offers go out, and the analytics count each path', async () => {
    const base = 5511966000000 + (Date.now() % 10_000) * 100;
    const customers = Array.from({ length: 30 }, (_, i) => ({ waId: String(base + i), name: `Cliente ${i}` }));
    for (const c of customers) await p.wa.inbound(c, textMessage('oferta'));
    await eventually(() => customers.every((c) => sentTexts(p.wa, c.waId).length > 0), 30_000);
    // Nothing more is on its way: each customer's run ended after one message.
    await eventually(async () => (await db.query("SELECT count(*)::int AS n FROM flow_sessions WHERE tenant_id = $1 AND status = 'active'", [p.tenantId])).rows[0].n === 0);

    const offers = customers.map((c) => sentTexts(p.wa, c.waId));
    for (const sent of offers) expect(sent).toHaveLength(1);
    const a = offers.filter(([text]) => text === 'Oferta A: 10% de desconto').length;
    const b = offers.filter(([text]) => text === 'Oferta B: frete grátis').length;
    expect(a + b).toBe(30);
    // Both sides at 1:1 over 30 draws (all on one side: 2 in a billion).
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);

    const log = await db.query("SELECT outcome, count(*)::int AS n FROM run_logs WHERE tenant_id = $1 AND node_id = 'ab' GROUP BY outcome", [p.tenantId]);
    expect(Object.fromEntries(log.rows.map((r) => [r.outcome, r.n]))).toEqual({ 'path:a': a, 'path:b': b });
    const analytics = await api(p.app, 'GET', `/v1/flows/${flowId}/analytics`, undefined, p.token);
    expect(analytics.status).toBe(200);
    expect(analytics.body.nodes).toMatchObject({ ab: { reached: 30 }, desconto: { reached: a }, frete: { reached: b } });

    // The inbox's run log names the step as the marketer did, and the path each customer took.
    const runs = await db.query("SELECT DISTINCT ON (outcome) conversation_id, outcome FROM run_logs WHERE tenant_id = $1 AND node_id = 'ab'", [p.tenantId]);
    expect(runs.rows).toHaveLength(2);
    for (const { conversation_id: conversationId, outcome } of runs.rows) {
      const runlog = await api(p.app, 'GET', `/v1/conversations/${conversationId}/runlog`, undefined, p.token);
      expect(runlog.status).toBe(200);
      const label = outcome === 'path:a' ? 'Desconto' : 'Frete';
      expect(runlog.body.items.find((item: { nodeId: string }) => item.nodeId === 'ab')).toMatchObject({
        nodeType: 'randomizer', outcome, nodeName: 'Teste de oferta', outcomeLabel: { en: label, 'pt-BR': label },
      });
    }
  });
});

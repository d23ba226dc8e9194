// The bots report: per published flow, the conversations it ran in and how many it passed to a
// person, with totals that count a conversation once. Run-log rows are written directly: the engine's
// outcomes are covered by its own tests; here what matters is which rows count, and whose.
import { describe, expect, it } from 'vitest';
import { addMember } from '../../test/agents';
import { api } from '../../test/harness';
import { startReportSuite, type ReportSuite } from '../../test/report-suite';

let app: ReportSuite['app'];
let db: ReportSuite['db'];
let owner: ReportSuite['owner'];
let other: ReportSuite['other'];

startReportSuite((s) => void ({ app, db, owner, other } = s));

const PERIOD = '?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z';
const report = (query: string, token = owner.token) => api(app, 'GET', `/v1/reports/bots${query}`, undefined, token);

/** A flow with a published version and a test chat's version; returns their ids. */
async function flow(tenantId: string, name: string) {
  const f = await db.query("INSERT INTO flows (tenant_id, name, draft) VALUES ($1, $2, '{}') RETURNING id", [tenantId, name]);
  const id = f.rows[0].id as string;
  const version = async (n: number, isTest: boolean) =>
    (await db.query("INSERT INTO flow_versions (tenant_id, flow_id, version, document, is_test) VALUES ($1, $2, $3, '{}', $4) RETURNING id", [tenantId, id, n, isTest])).rows[0].id as string;
  return { id, published: await version(1, false), test: await version(2, true) };
}

/** `n` conversations of the workspace, each with its own contact. */
async function conversations(tenantId: string, n: number): Promise<string[]> {
  const channel = await db.query("INSERT INTO channels (tenant_id, type, name, config) VALUES ($1, 'webchat', 'Site', '{}') RETURNING id", [tenantId]);
  const rows = await db.query(
    `WITH c AS (INSERT INTO contacts (tenant_id, channel_id, external_id) SELECT $1, $2, 'visitante-' || g FROM generate_series(1, $3::int) g RETURNING id)
     INSERT INTO conversations (tenant_id, channel_id, contact_id) SELECT $1, $2, id FROM c RETURNING id`,
    [tenantId, channel.rows[0].id, n],
  );
  return rows.rows.map((r) => r.id as string);
}

/** One run of a flow version in a conversation: its steps' outcomes, logged at `at`. */
async function run(tenantId: string, conversationId: string, versionId: string, outcomes: string[], at = '2026-11-15T12:00:00Z') {
  for (const [i, outcome] of outcomes.entries()) {
    await db.query('INSERT INTO run_logs (tenant_id, conversation_id, flow_version_id, at, node_id, node_type, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [tenantId, conversationId, versionId, at, `n${i}`, 'message', outcome]);
  }
}

describe('bots report', () => {
  it('when flows ran in the period, then each counts its conversations and those passed to a person, and the totals count a conversation once', async () => {
    const tenant = owner.workspace.id;
    const [welcome, promo] = [await flow(tenant, 'Boas-vindas'), await flow(tenant, 'Promoção')];
    const [c1, c2, c3, c4, c5, c6] = await conversations(tenant, 6);
    await run(tenant, c1!, welcome.published, ['entered', 'sent', 'transferred']); // a Transfer step
    await run(tenant, c2!, welcome.published, ['entered', 'sent']);
    await run(tenant, c2!, promo.published, ['entered', 'sent']); // c2 ran both flows
    await run(tenant, c3!, promo.published, ['entered', 'handoff', 'transferred']); // an AI reply asked, a Transfer step handed over
    await run(tenant, c6!, welcome.published, ['entered', 'handoff', 'sent']); // the AI asked, but the flow answered instead
    await run(tenant, c4!, welcome.test, ['entered', 'transferred']); // the builder's test chat: never counted
    await run(tenant, c5!, welcome.published, ['entered', 'transferred'], '2026-10-31T23:59:59Z'); // before the period
    await run(tenant, c5!, promo.published, ['entered'], '2026-12-01T00:00:00Z'); // the period's end is not in it
    // Another workspace's runs in the same period never count here.
    const theirs = await flow(other.workspace.id, 'Deles');
    const [t1] = await conversations(other.workspace.id, 1);
    await run(other.workspace.id, t1!, theirs.published, ['entered', 'transferred']);

    const res = await report(PERIOD);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      totals: { conversations: 4, handedToPerson: 2, botOnly: 2 },
      flows: [
        { flowId: welcome.id, name: 'Boas-vindas', conversations: 3, handedToPerson: 1, botOnly: 2 },
        { flowId: promo.id, name: 'Promoção', conversations: 2, handedToPerson: 1, botOnly: 1 },
      ],
    });
    // The other workspace sees its own flow only.
    expect((await report(PERIOD, other.token)).body).toMatchObject({
      totals: { conversations: 1, handedToPerson: 1, botOnly: 0 },
      flows: [{ flowId: theirs.id, name: 'Deles', conversations: 1 }],
    });
    // A marketer, who owns the flows, reads it too.
    const marketer = await addMember(app, tenant, 'Marina', 'marketer');
    expect((await report(PERIOD, marketer.token)).body.totals).toEqual({ conversations: 4, handedToPerson: 2, botOnly: 2 });
  });

  it('when nothing ran in the period, then zeros and no flows', async () => {
    const res = await report('?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totals: { conversations: 0, handedToPerson: 0, botOnly: 0 }, flows: [] });
  });

  it('when the period is malformed or backwards, or an agent asks, then a clear 4xx', async () => {
    expect((await report('?from=ontem')).status).toBe(400);
    expect((await report('?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z')).status).toBe(400);
    const agent = await addMember(app, owner.workspace.id, 'Bruno', 'agent');
    expect((await report('', agent.token)).status).toBe(403);
    expect((await api(app, 'GET', '/v1/reports/bots')).status).toBe(401);
  });
});

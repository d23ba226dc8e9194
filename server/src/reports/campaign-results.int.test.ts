// The campaigns report: the campaigns that began sending in a period, each with its recipients
// counted by status in one query, reaching back past the campaigns list's newest 200, never showing
// another workspace's campaigns. Rows are written directly: the sender's statuses are covered by
// campaigns.int; here what matters is which campaigns are counted and that the counts are theirs.
import { describe, expect, it } from 'vitest';
import { addMember } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { startReportSuite, type ReportSuite } from '../../test/report-suite';
import { MAX_REPORTED_CAMPAIGNS } from './campaign-results';

let app: ReportSuite['app'];
let db: ReportSuite['db'];
let owner: ReportSuite['owner'];
let other: ReportSuite['other'];

startReportSuite((s) => void ({ app, db, owner, other } = s));

const report = (query: string, token = owner.token) => api(app, 'GET', `/v1/reports/campaigns${query}`, undefined, token);

/** A WhatsApp channel of the workspace with `n` contacts. */
async function channelWithContacts(tenantId: string, n: number): Promise<{ channelId: string; contacts: string[] }> {
  const channel = await db.query("INSERT INTO channels (tenant_id, type, name, config) VALUES ($1, 'whatsapp_cloud', 'Loja', '{}') RETURNING id", [tenantId]);
  const channelId = channel.rows[0].id as string;
  const contacts = await db.query(
    `INSERT INTO contacts (tenant_id, channel_id, external_id, phone) SELECT $1, $2, p, p FROM (SELECT '55119' || lpad(g::text, 8, '0') AS p FROM generate_series(1, $3::int) g) x RETURNING id`,
    [tenantId, channelId, n],
  );
  return { channelId, contacts: contacts.rows.map((r) => r.id as string) };
}

/** A campaign that began sending at `startedAt` (null: a draft), its recipients in the statuses given. */
async function campaign(tenantId: string, channelId: string, name: string, startedAt: string | null, recipients: Array<[contactId: string, status: string]>) {
  const row = await db.query(
    `INSERT INTO campaigns (tenant_id, channel_id, name, status, template, audience, started_at) VALUES ($1, $2, $3, $4, '{"name":"oferta","language":"pt_BR","parameters":{}}', '{}', $5) RETURNING id`,
    [tenantId, channelId, name, startedAt ? 'completed' : 'draft', startedAt],
  );
  const id = row.rows[0].id as string;
  for (const [contactId, status] of recipients) {
    await db.query('INSERT INTO campaign_recipients (tenant_id, campaign_id, contact_id, status) VALUES ($1, $2, $3, $4)', [tenantId, id, contactId, status]);
  }
  return id;
}

describe('campaigns report', () => {
  it('when campaigns began before, inside and after the period, then only those inside are listed, newest first, each with its own counts', async () => {
    const { channelId, contacts: [a, b, c, d] } = await channelWithContacts(owner.workspace.id, 4);
    await campaign(owner.workspace.id, channelId, 'Outubro', '2026-10-31T23:59:59Z', [[a!, 'sent']]);
    const nov = await campaign(owner.workspace.id, channelId, 'Black Friday', '2026-11-27T12:00:00Z', [[a!, 'sent'], [b!, 'failed'], [c!, 'skipped'], [d!, 'pending']]);
    const first = await campaign(owner.workspace.id, channelId, 'Boas-vindas', '2026-11-01T00:00:00Z', [[a!, 'sent'], [b!, 'sent']]);
    await campaign(owner.workspace.id, channelId, 'Rascunho', null, [[a!, 'pending']]);
    await campaign(owner.workspace.id, channelId, 'Dezembro', '2026-12-01T00:00:00Z', [[c!, 'sent']]);
    // A campaign of another workspace in the same period never shows.
    const theirs = await channelWithContacts(other.workspace.id, 1);
    await campaign(other.workspace.id, theirs.channelId, 'Deles', '2026-11-15T00:00:00Z', [[theirs.contacts[0]!, 'sent']]);

    const res = await report('?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', truncated: false });
    expect(res.body.items.map((i: { name: string }) => i.name)).toEqual(['Black Friday', 'Boas-vindas']);
    expect(res.body.items[0]).toEqual({
      id: nov, name: 'Black Friday', status: 'completed', startedAt: '2026-11-27T12:00:00.000Z', finishedAt: null,
      counts: { total: 4, pending: 1, sent: 1, delivered: 0, read: 0, replied: 0, failed: 1, skipped: 1 },
    });
    expect(res.body.items[1]).toMatchObject({ id: first, counts: { total: 2, sent: 2, failed: 0 } });
    // The other workspace sees only its own.
    const theirsReport = await report('?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z', other.token);
    expect(theirsReport.body.items.map((i: { name: string }) => i.name)).toEqual(['Deles']);
    // The campaigns list counts the same as the report and as each campaign's own page.
    const listed = (await api(app, 'GET', '/v1/campaigns', undefined, owner.token)).body.items as Array<{ id: string; counts: unknown }>;
    expect(listed.find((x) => x.id === nov)?.counts).toEqual(res.body.items[0].counts);
    expect((await api(app, 'GET', `/v1/campaigns/${first}`, undefined, owner.token)).body.counts).toEqual(res.body.items[1].counts);
  });

  it('when a year holds more campaigns than the list shows, then the report reaches back to the old ones and says when it stops', async () => {
    const tenant = (await signupWorkspace(app, 'Padaria')).workspace.id;
    const { channelId } = await channelWithContacts(tenant, 0);
    // One campaign a day for a year and a half: the campaigns list stops at the newest 200.
    await db.query(
      `INSERT INTO campaigns (tenant_id, channel_id, name, status, template, audience, started_at, created_at)
       SELECT $1, $2, 'Dia ' || g, 'completed', '{}', '{}', t, t FROM (SELECT g, timestamptz '2025-06-01T12:00:00Z' + g * interval '1 day' AS t FROM generate_series(0, $3::int) g) x`,
      [tenant, channelId, MAX_REPORTED_CAMPAIGNS + 20],
    );
    const marketer = await addMember(app, tenant, 'Marina', 'marketer');
    const june = await report('?from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z', marketer.token);
    expect(june.status).toBe(200);
    expect(june.body.items).toHaveLength(30);
    expect(june.body.items[29].name).toBe('Dia 0');
    const wide = await report('?from=2025-06-01T00:00:00Z&to=2026-06-01T00:00:00Z', marketer.token);
    expect(wide.body).toMatchObject({ truncated: false });
    expect(wide.body.items).toHaveLength(365);
    // Over the cap (only reachable by rows written straight in): the newest are listed and the answer says so.
    await db.query(
      `INSERT INTO campaigns (tenant_id, channel_id, name, status, template, audience, started_at)
       SELECT $1, $2, 'Extra ' || g, 'completed', '{}', '{}', timestamptz '2026-01-10T00:00:00Z' + g * interval '1 second' FROM generate_series(1, $3::int) g`,
      [tenant, channelId, MAX_REPORTED_CAMPAIGNS],
    );
    const capped = await report('?from=2025-06-01T00:00:00Z&to=2026-06-01T00:00:00Z', marketer.token);
    expect(capped.body.items).toHaveLength(MAX_REPORTED_CAMPAIGNS);
    expect(capped.body.truncated).toBe(true);
  });

  it('when the period is malformed, backwards or too long, or an agent asks, then a clear 4xx', async () => {
    expect((await report('?from=ontem')).status).toBe(400);
    expect((await report('?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z')).status).toBe(400);
    expect((await report('?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')).status).toBe(400);
    expect((await report('?from=2026-11-01T00:00:00Z&from=2026-11-02T00:00:00Z')).status).toBe(400);
    const agent = await addMember(app, owner.workspace.id, 'Bruno', 'agent');
    expect((await report('', agent.token)).status).toBe(403);
    expect((await api(app, 'GET', '/v1/reports/campaigns')).status).toBe(401);
  });
});

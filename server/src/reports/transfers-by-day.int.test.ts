// Transfers per day: every day of the period in the reader's time zone, the transfers begun on it and
// what became of them. Handoff rows are written directly: how the inbox records them is covered by
// its own tests; here what matters is which rows count, on which day, and whose.
import { describe, expect, it } from 'vitest';
import { addMember } from '../../test/agents';
import { api } from '../../test/harness';
import { startReportSuite, type ReportSuite } from '../../test/report-suite';

let app: ReportSuite['app'];
let db: ReportSuite['db'];
let owner: ReportSuite['owner'];
let other: ReportSuite['other'];

startReportSuite((s) => void ({ app, db, owner, other } = s));

const daily = (query: string, token = owner.token) => api(app, 'GET', `/v1/reports/transfers/daily${query}`, undefined, token);

type Handoff = { started: string; replied?: boolean; ended?: boolean; kind?: string };

/** One handoff per conversation (a conversation has one open handoff at a time), each with its own contact. */
async function handoffs(tenantId: string, rows: Handoff[]) {
  const channel = await db.query("INSERT INTO channels (tenant_id, type, name, config) VALUES ($1, 'webchat', 'Site', '{}') RETURNING id", [tenantId]);
  for (const [i, h] of rows.entries()) {
    const contact = await db.query('INSERT INTO contacts (tenant_id, channel_id, external_id) VALUES ($1, $2, $3) RETURNING id', [tenantId, channel.rows[0].id, `visitante-${i}`]);
    const conv = await db.query('INSERT INTO conversations (tenant_id, channel_id, contact_id) VALUES ($1, $2, $3) RETURNING id', [tenantId, channel.rows[0].id, contact.rows[0].id]);
    const later = new Date(new Date(h.started).getTime() + 600_000);
    await db.query(
      `INSERT INTO inbox_handoffs (tenant_id, conversation_id, kind, started_at, first_reply_at, ended_at, end_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, conv.rows[0].id, h.kind ?? 'transfer', h.started, h.replied ? later : null, h.ended ? later : null, h.ended ? 'closed' : null],
    );
  }
}

const zero = (day: string) => ({ day, total: 0, answered: 0, unanswered: 0, open: 0 });

describe('transfers per day', () => {
  it("when transfers began over a period, then each of the reader's days counts its own, answered, unanswered or still open, and empty days are zeros", async () => {
    await handoffs(owner.workspace.id, [
      { started: '2026-11-28T12:00:00Z', replied: true, ended: true },
      // 23:30 on the 28th in São Paulo, already the 29th in UTC.
      { started: '2026-11-29T02:30:00Z', ended: true },
      { started: '2026-11-30T15:00:00Z' },
      { started: '2026-11-30T16:00:00Z', replied: true },
      // A chat reopened by the customer is no transfer; one begun before the period is outside it.
      { started: '2026-11-29T15:00:00Z', kind: 'reopened' },
      { started: '2026-11-28T02:59:00Z', replied: true },
    ]);
    await handoffs(other.workspace.id, [{ started: '2026-11-29T15:00:00Z', replied: true }]);

    const res = await daily('?from=2026-11-28T03:00:00Z&to=2026-12-01T03:00:00Z&tz=America/Sao_Paulo');
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('America/Sao_Paulo');
    expect(res.body.days).toEqual([
      { day: '2026-11-28', total: 2, answered: 1, unanswered: 1, open: 0 },
      zero('2026-11-29'),
      { day: '2026-11-30', total: 2, answered: 1, unanswered: 0, open: 1 },
    ]);

    // The same rows in UTC days: the late evening transfer is the 29th's.
    const utc = await daily('?from=2026-11-28T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(utc.body.timeZone).toBe('UTC');
    expect(utc.body.days.map((d: { day: string; total: number }) => [d.day, d.total])).toEqual([['2026-11-28', 2], ['2026-11-29', 1], ['2026-11-30', 2]]);

    // The other workspace sees its one transfer, never these.
    const theirs = await daily('?from=2026-11-28T03:00:00Z&to=2026-12-01T03:00:00Z&tz=America/Sao_Paulo', other.token);
    expect(theirs.body.days.map((d: { total: number }) => d.total)).toEqual([0, 1, 0]);
  });

  it('when the zone is an old alias the database does not know by that name, then the days are counted in the zone it names', async () => {
    await handoffs(owner.workspace.id, [{ started: '2026-10-02T06:30:00Z' }]);
    const period = '?from=2026-10-01T07:00:00Z&to=2026-10-03T07:00:00Z';
    for (const [alias, zone] of [['US/Pacific-New', 'America/Los_Angeles'], ['Canada/East-Saskatchewan', 'America/Regina']]) {
      const res = await daily(`${period}&tz=${encodeURIComponent(alias!)}`);
      const named = await daily(`${period}&tz=${encodeURIComponent(zone!)}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(named.body);
      expect(res.body.timeZone).toBe(zone);
    }
    // 23:30 on October 1st in Los Angeles.
    const la = await daily(`${period}&tz=US%2FPacific-New`);
    expect(la.body.days.map((d: { day: string; total: number }) => [d.day, d.total])).toEqual([['2026-10-01', 1], ['2026-10-02', 0]]);
  });

  it('when the zone, the period or the caller is wrong, then 400, 403 or 401, never a 500', async () => {
    expect((await daily('?tz=Mars/Olympus')).status).toBe(400);
    expect((await daily(`?tz=${'A'.repeat(65)}`)).status).toBe(400);
    expect((await daily('?from=2025-01-01T00:00:00Z&to=2026-12-01T00:00:00Z')).status).toBe(400);
    expect((await daily('?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z')).status).toBe(400);
    const agent = await addMember(app, owner.workspace.id, 'Bruno', 'agent');
    expect((await daily('', agent.token)).status).toBe(403);
    expect((await daily('', '')).status).toBe(401);
    // The default period: the last 30 days, 31 calendar days at most.
    const last = await daily('?tz=America/Sao_Paulo');
    expect(last.status).toBe(200);
    expect(last.body.days.length).toBeGreaterThanOrEqual(30);
    expect(last.body.days.length).toBeLessThanOrEqual(31);
  });
});

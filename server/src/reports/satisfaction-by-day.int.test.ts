// Survey answers per day: every day of the period in the reader's time zone, the answers given on it
// by score. Survey rows are written directly: how a close sends one and a tap answers it is covered by
// satisfaction-survey.int; here what matters is which rows count, on which day, and whose.
import { describe, expect, it } from 'vitest';
import { addMember } from '../../test/agents';
import { api } from '../../test/harness';
import { startReportSuite, type ReportSuite } from '../../test/report-suite';

let app: ReportSuite['app'];
let db: ReportSuite['db'];
let owner: ReportSuite['owner'];
let other: ReportSuite['other'];

startReportSuite((s) => void ({ app, db, owner, other } = s));

const daily = (query: string, token = owner.token) => api(app, 'GET', `/v1/reports/csat/daily${query}`, undefined, token);

type Survey = { sent: string; score?: 1 | 2 | 3; answered?: string };

/** One closed chat per survey, each with its own contact. */
async function surveys(tenantId: string, rows: Survey[]) {
  const channel = await db.query("INSERT INTO channels (tenant_id, type, name, config) VALUES ($1, 'webchat', 'Site', '{}') RETURNING id", [tenantId]);
  for (const [i, s] of rows.entries()) {
    const contact = await db.query('INSERT INTO contacts (tenant_id, channel_id, external_id) VALUES ($1, $2, $3) RETURNING id', [tenantId, channel.rows[0].id, `cliente-${i}`]);
    const conv = await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'closed') RETURNING id", [tenantId, channel.rows[0].id, contact.rows[0].id]);
    await db.query(
      'INSERT INTO satisfaction_surveys (tenant_id, conversation_id, message_id, sent_at, score, answered_at) VALUES ($1, $2, gen_random_uuid(), $3, $4, $5)',
      [tenantId, conv.rows[0].id, s.sent, s.score ?? null, s.answered ?? null],
    );
  }
}

const zero = (day: string) => ({ day, answers: 0, great: 0, ok: 0, poor: 0 });

describe('survey answers per day', () => {
  it("when customers answered over a period, then each of the reader's days counts its answers by score, by the day of the answer, and empty days are zeros", async () => {
    await surveys(owner.workspace.id, [
      { sent: '2026-11-28T11:00:00Z', score: 3, answered: '2026-11-28T12:00:00Z' },
      { sent: '2026-11-28T13:00:00Z', score: 1, answered: '2026-11-28T14:00:00Z' },
      // Answered at 23:30 on the 29th in São Paulo, already the 30th in UTC; sent the day before.
      { sent: '2026-11-28T20:00:00Z', score: 2, answered: '2026-11-30T02:30:00Z' },
      // Not answered: no day counts it. Answered before the period: outside it.
      { sent: '2026-11-30T15:00:00Z' },
      { sent: '2026-11-27T10:00:00Z', score: 3, answered: '2026-11-28T02:59:00Z' },
    ]);
    await surveys(other.workspace.id, [{ sent: '2026-11-29T15:00:00Z', score: 1, answered: '2026-11-29T15:05:00Z' }]);

    const res = await daily('?from=2026-11-28T03:00:00Z&to=2026-12-01T03:00:00Z&tz=America/Sao_Paulo');
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('America/Sao_Paulo');
    expect(res.body.days).toEqual([
      { day: '2026-11-28', answers: 2, great: 1, ok: 0, poor: 1 },
      { day: '2026-11-29', answers: 1, great: 0, ok: 1, poor: 0 },
      zero('2026-11-30'),
    ]);

    // The same rows in UTC days: the late evening answer is the 30th's, and the early one of the 28th counts.
    const utc = await daily('?from=2026-11-28T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(utc.body.timeZone).toBe('UTC');
    expect(utc.body.days.map((d: { day: string; answers: number }) => [d.day, d.answers])).toEqual([['2026-11-28', 3], ['2026-11-29', 0], ['2026-11-30', 1]]);

    // The totals for the same period agree with the days.
    const totals = await api(app, 'GET', '/v1/reports/csat?from=2026-11-28T03:00:00Z&to=2026-12-01T03:00:00Z', undefined, owner.token);
    expect(totals.body.totals).toMatchObject({ answers: 3, great: 1, ok: 1, poor: 1 });

    // The other workspace sees its one answer, never these.
    const theirs = await daily('?from=2026-11-28T03:00:00Z&to=2026-12-01T03:00:00Z&tz=America/Sao_Paulo', other.token);
    expect(theirs.body.days.map((d: { poor: number; answers: number }) => [d.answers, d.poor])).toEqual([[0, 0], [1, 1], [0, 0]]);
  });

  it('when the zone, the period or the caller is wrong, then 400, 403 or 401, never a 500', async () => {
    expect((await daily('?tz=Mars/Olympus')).status).toBe(400);
    expect((await daily('?from=2025-01-01T00:00:00Z&to=2026-12-01T00:00:00Z')).status).toBe(400);
    expect((await daily('?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z')).status).toBe(400);
    expect((await daily('?from=yesterday')).status).toBe(400);
    const agent = await addMember(app, owner.workspace.id, 'Bruno', 'agent');
    expect((await daily('', agent.token)).status).toBe(403);
    expect((await daily('', '')).status).toBe(401);
    const last = await daily('?tz=America/Sao_Paulo');
    expect(last.status).toBe(200);
    expect(last.body.days.length).toBeGreaterThanOrEqual(30);
    expect(last.body.days.length).toBeLessThanOrEqual(31);
  });
});

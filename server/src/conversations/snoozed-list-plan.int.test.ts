// The Snoozed folder reads the few snoozed chats through their own index (migration 0250), not by
// walking every chat a person holds in the workspace, or every chat an agent ever held.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import knexFactory from 'knex';
import { addMember } from '../../test/agents';
import { pagesRead } from '../../test/db';
import { pipelineForFile, type Pipeline } from '../../test/pipeline';
import { forTenant } from '../db/tenant-db';
import { pageQuery } from './conversation-list.queries';

let p: Pipeline;
let db: pg.Client;

pipelineForFile((started) => void ({ pipeline: p, db } = started));

/** `n` chats held by `agent`, the oldest five of them snoozed, a quarter of the others closed; then fresh statistics. */
async function seed(agent: string, n: number): Promise<void> {
  await db.query(
    `INSERT INTO contacts (tenant_id, channel_id, external_id) SELECT $1, $2, 'plan-' || i FROM generate_series(1, $3) i`,
    [p.tenantId, p.channelId, n],
  );
  await db.query(
    `INSERT INTO conversations (tenant_id, channel_id, contact_id, status, assignee_id, last_message_at, snoozed_until)
     SELECT $1, $2, ct.id, CASE WHEN i <= $4 - 5 AND i % 4 = 0 THEN 'closed' ELSE 'human' END, $3, now() - i * interval '1 minute',
       CASE WHEN i > $4 - 5 THEN now() + interval '1 day' END
     FROM (SELECT id, substr(external_id, 6)::int AS i FROM contacts WHERE tenant_id = $1 AND external_id LIKE 'plan-%') ct`,
    [p.tenantId, p.channelId, agent, n],
  );
  await db.query('ANALYZE conversations');
}

describe("the Snoozed folder's plan", () => {
  it("when a workspace holds thousands of chats and a few are snoozed, then a supervisor's and an agent's Snoozed each read a handful of pages through the snoozed index", async () => {
    const agent = await addMember(p.app, p.tenantId, 'Bruno', 'agent');
    await seed(agent.id, 4000);
    const tdb = forTenant(knexFactory({ client: 'pg' }), p.tenantId);
    for (const [who, filters] of [['supervisor', {}], ['agent', { assigneeId: agent.id }]] as const) {
      const { sql, bindings } = pageQuery(tdb, { ...filters, open: true, snoozed: true, limit: 30 }, null, null).toSQL().toNative();
      const { pages, plan } = await pagesRead(p.app.config.DATABASE_URL, sql, [...bindings]);
      expect(JSON.stringify(plan), who).toContain('conversations_snoozed_list_idx');
      expect(pages, `${who}: ${JSON.stringify(plan)}`).toBeLessThan(20);
      expect((await db.query(sql, [...bindings])).rows, who).toHaveLength(5);
    }
  });
});

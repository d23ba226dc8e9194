// A supervisor's Snoozed folder: an owner or admin sees every snoozed chat of the workspace (and
// who holds each); an agent sees their own; no workspace sees another's.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { api } from '../../test/harness';
import { addMember } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

pipelineForFile((started) => void ({ pipeline: p, db } = started));

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
type Member = { id: string; token: string };

/** A customer's chat, taken by `holder` and snoozed by them. */
async function snoozedChat(waId: string, holder: Member): Promise<string> {
  await p.wa.inbound({ waId }, textMessage('mando amanhã'));
  const id = await eventually(async () => {
    const { rows } = await db.query("SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1 AND cv.status <> 'closed'", [waId]);
    return rows[0]?.id as string | undefined;
  });
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: holder.id }, holder.token)).status).toBe(200);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/snooze`, { until: inHours(5) }, holder.token)).status).toBe(200);
  return id;
}

const folder = async (token: string, query: string) =>
  ((await api(p.app, 'GET', `/v1/conversations?${query}`, undefined, token)).body.items as Array<{ id: string; assigneeId: string }>)
    .map((c) => [c.id, c.assigneeId]).sort();
const counts = async (token: string) => (await api(p.app, 'GET', '/v1/conversations/counts', undefined, token)).body;

describe("a supervisor's Snoozed folder", () => {
  it('when agents snooze their chats, then an owner or admin sees them all with their holders, an agent only theirs, and no other workspace any', async () => {
    const owner = { id: (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body.user.id as string, token: p.token };
    const admin = await addMember(p.app, p.tenantId, 'Carla', 'admin');
    const ana = await addMember(p.app, p.tenantId, 'Ana', 'agent');
    const bruno = await addMember(p.app, p.tenantId, 'Bruno', 'agent');
    const anas = await snoozedChat('5511700001001', ana);
    const brunos = await snoozedChat('5511700001002', bruno);
    const owners = await snoozedChat('5511700001003', owner);

    // Another workspace with a snoozed chat of its own.
    const other = await otherWorkspace(p, 'Outra loja', 'PNID-SNOOZE-SUP');
    const otherOwner = (await api(p.app, 'GET', '/v1/me', undefined, other.token)).body.user.id as string;
    await other.inbound('5511700001004', 'oi');
    const theirs = await eventually(async () => (await api(p.app, 'GET', '/v1/conversations', undefined, other.token)).body.items[0]?.id as string | undefined);
    await api(p.app, 'POST', `/v1/conversations/${theirs}/assign`, { assigneeId: otherOwner }, other.token);
    expect((await api(p.app, 'POST', `/v1/conversations/${theirs}/snooze`, { until: inHours(5) }, other.token)).status).toBe(200);

    const everyone = [[anas, ana.id], [brunos, bruno.id], [owners, owner.id]].sort();
    for (const supervisor of [owner, admin]) {
      expect(await folder(supervisor.token, 'open=true&snoozed=true')).toEqual(everyone);
    }
    expect(await counts(owner.token)).toMatchObject({ snoozed: 1, snoozedAll: 3 });
    expect(await counts(admin.token)).toMatchObject({ snoozed: 0, snoozedAll: 3 });
    // An agent's folder and counts are their own.
    expect(await folder(ana.token, 'assigneeId=me&open=true&snoozed=true')).toEqual([[anas, ana.id]]);
    expect(await counts(ana.token)).toMatchObject({ snoozed: 1, snoozedAll: null });
    expect(await counts(bruno.token)).toMatchObject({ snoozed: 1, snoozedAll: null });
    // The other workspace sees its own only, and ours never shows theirs.
    expect(await folder(other.token, 'open=true&snoozed=true')).toEqual([[theirs, otherOwner]]);
    expect(await counts(other.token)).toMatchObject({ snoozed: 1, snoozedAll: 1 });

    // Once Bruno's chat comes back (his customer wrote), the supervisors' folder and count drop it.
    await p.wa.inbound({ waId: '5511700001002' }, textMessage('segue o comprovante'));
    await eventually(async () => (await counts(owner.token)).snoozedAll === 2);
    expect(await folder(admin.token, 'open=true&snoozed=true')).toEqual([[anas, ana.id], [owners, owner.id]].sort());
  });
});

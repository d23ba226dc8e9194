// What the inbox shows of a customer's history: their other conversations (`contactId=`), within the
// workspace and what the inbox lists, for every inbox role; and a search that found a message says which.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { addMember } from '../../test/agents';
import { api } from '../../test/harness';
import { earlierConversation } from '../../test/earlier-conversation';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let meId: string;
const rita = { waId: '5511900000071', name: 'Rita Moraes' };
const otto = { waId: '5511900000072', name: 'Otto Reis' };
const ids: Record<string, string> = {};

const get = (path: string, token = p.token) => api(p.app, 'GET', path, undefined, token);
const chatOf = (waId: string) =>
  eventually(async () => (await db.query('SELECT cv.id, cv.contact_id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1', [waId])).rows[0] as { id: string; contact_id: string } | undefined);

pipelineForFile(async (s) => {
  ({ pipeline: p, db } = s);
  meId = (await get('/v1/me')).body.user.id;
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'Já chamo alguém!' })], [edge('start', 'next', 'human')]), 'Atendimento');
  await p.wa.inbound(rita, textMessage('ajuda, cadê meu pedido?'));
  await p.wa.inbound(otto, textMessage('ajuda com a encomenda'));
  const now = await chatOf(rita.waId);
  ids.now = now.id;
  ids.rita = now.contact_id;
  ids.otto = (await chatOf(otto.waId)).id;
  const earlier = await earlierConversation(db, {
    tenantId: p.tenantId, channelId: p.channelId, contactId: ids.rita, daysAgo: 8, assigneeId: meId,
    texts: ['minha encomenda chegou quebrada', 'Vamos trocar, desculpe!'],
  });
  ids.earlier = earlier.id;
  ids.earlierMessage = earlier.messageIds[0]!;
});

const listIds = async (query: string, token = p.token) => {
  const res = await get(`/v1/conversations?${query}`, token);
  expect(res.status, query).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((i) => i.id);
};

describe("a contact's conversations", () => {
  it('when filtered by contact, then only theirs come back, newest first, each with its state, holder and last message', async () => {
    const res = await get(`/v1/conversations?contactId=${ids.rita}`);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.now, ids.earlier]);
    expect(res.body.items[1]).toMatchObject({ status: 'closed', assigneeId: meId, lastMessage: { text: 'Vamos trocar, desculpe!', author: 'agent' }, contact: { id: ids.rita } });
    expect(res.body.items[1]).not.toHaveProperty('match');
    expect(await listIds(`contactId=${ids.rita}&status=closed`)).toEqual([ids.earlier]);
  });

  it('when an agent asks, then they see what the list shows them, and never a test chat of the same contact', async () => {
    const version = await db.query('SELECT id FROM flow_versions WHERE tenant_id = $1 LIMIT 1', [p.tenantId]);
    await db.query(
      "INSERT INTO conversations (tenant_id, channel_id, contact_id, status, last_message_at, test_flow_version_id) VALUES ($1, $2, $3, 'closed', now(), $4)",
      [p.tenantId, p.channelId, ids.rita, version.rows[0].id],
    );
    const agent = await addMember(p.app, p.tenantId, 'Beto', 'agent');
    expect(await listIds(`contactId=${ids.rita}`, agent.token)).toEqual([ids.now, ids.earlier]);
    const marketer = await addMember(p.app, p.tenantId, 'Mara', 'marketer');
    expect((await get(`/v1/conversations?contactId=${ids.rita}`, marketer.token)).status).toBe(403);
  });

  it("when another workspace's contact is named, then nothing comes back, either way", async () => {
    const other = await otherWorkspace(p, 'Outra Loja', '106540352249071');
    await other.inbound(rita.waId, 'ajuda');
    const theirs = await eventually(async () => (await get('/v1/conversations', other.token)).body.items[0] as { contact: { id: string } } | undefined);
    expect(theirs.contact.id).not.toBe(ids.rita);
    expect(await listIds(`contactId=${theirs.contact.id}`)).toEqual([]);
    expect(await listIds(`contactId=${ids.rita}`, other.token)).toEqual([]);
  });

  it('when the contact id is not an id, then the answer is 400 with the usual validation error', async () => {
    for (const bad of ['42', 'rita', `${ids.rita}x`]) {
      const res = await get(`/v1/conversations?contactId=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });
});

describe('a search that found a message', () => {
  it('when the term is in an old message, then the item names that message, not only the last one', async () => {
    const res = await get('/v1/conversations?q=ENCOMENDA+chegou');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: ids.earlier, lastMessage: { text: 'Vamos trocar, desculpe!' }, match: { messageId: ids.earlierMessage, text: 'minha encomenda chegou quebrada' },
    });
  });

  it('when several conversations match, then each names its own message, and a match by name names none', async () => {
    const items = (await get('/v1/conversations?q=encomenda')).body.items as Array<{ id: string; match: { text: string } | null }>;
    expect(Object.fromEntries(items.map((i) => [i.id, i.match?.text]))).toEqual({ [ids.otto]: 'ajuda com a encomenda', [ids.earlier]: 'minha encomenda chegou quebrada' });
    const byName = (await get(`/v1/conversations?q=Moraes&contactId=${ids.rita}`)).body.items as Array<{ id: string; match: unknown }>;
    expect(byName.map((i) => [i.id, i.match])).toEqual([[ids.now, null], [ids.earlier, null]]);
  });
});

// The inbox's read side against the real pipeline: filters, search over names, phones and message
// text, counts, the single view with its expansions, message items with failure reasons and
// media, keyset paging that never skips a row, and 400 (not 500) for a forged cursor.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import knexFactory from 'knex';
import { forTenant } from '../db/tenant-db';
import { listConversations } from './conversation-list.queries';
import { searchScope } from './search.queries';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { imageMessage, textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let meId: string;
const ids: Record<string, string> = {};
const people = {
  ana: { waId: '5511900000001', name: 'Ana Souza' },
  bruno: { waId: '5511900000002', name: 'Bruno Lima' },
  carla: { waId: '5511900000003', name: 'Carla Dias' },
  davi: { waId: '5511900000004', name: 'Davi Rocha' },
};

async function conversationOf(waId: string): Promise<string> {
  return eventually(async () => {
    const { rows } = await db.query('SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1', [waId]);
    return rows[0]?.id as string | undefined;
  });
}

const get = (path: string, token = p.token) => api(p.app, 'GET', path, undefined, token);
const listIds = async (query: string) => {
  const res = await get(`/v1/conversations?${query}`);
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((i) => i.id);
};

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  meId = (await get('/v1/me')).body.user.id;
  await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'Olá! Como posso ajudar?' })], [edge('start', 'next', 'hi')]), 'Oi');
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'vou chamar alguém' })], [edge('start', 'next', 'human')]), 'Ajuda');
  await p.wa.inbound(people.ana, textMessage('oi'));
  await p.wa.inbound(people.bruno, textMessage('ajuda'));
  await p.wa.inbound(people.carla, textMessage('ajuda'));
  await p.wa.inbound(people.davi, textMessage('quero cancelar o pedido 4471'));
  for (const [key, person] of Object.entries(people)) ids[key] = await conversationOf(person.waId);
  await eventually(() => sentTexts(p.wa).filter((t) => t === 'vou chamar alguém').length === 2);
  await eventually(async () => (await db.query("SELECT 1 FROM conversations WHERE id = $1 AND status = 'waiting'", [ids.carla])).rowCount === 1);
  // Carla's chat: taken by the caller and moved to a team; Bruno is a VIP.
  expect((await api(p.app, 'POST', `/v1/conversations/${ids.carla}/assign`, { assigneeId: meId }, p.token)).status).toBe(200);
  const team = await db.query("INSERT INTO teams (tenant_id, name) VALUES ($1, 'Vendas') RETURNING id", [p.tenantId]);
  ids.team = team.rows[0].id;
  await db.query('UPDATE conversations SET team_id = $1 WHERE id = $2', [ids.team, ids.carla]);
  await db.query("UPDATE contacts SET tags = '{vip}' WHERE phone = $1", [people.bruno.waId]);
});

describe('conversation list', () => {
  it('when filtered by status, owner, team, tag or channel, then only matching conversations come back', async () => {
    expect(await listIds('status=waiting')).toEqual([ids.bruno]);
    expect((await listIds('status=bot')).sort()).toEqual([ids.ana, ids.davi].sort());
    expect(await listIds('assigneeId=me')).toEqual([ids.carla]);
    expect(await listIds(`assigneeId=${meId}`)).toEqual([ids.carla]);
    expect(await listIds('unassigned=true')).toEqual([ids.bruno]);
    expect(await listIds(`teamId=${ids.team}`)).toEqual([ids.carla]);
    expect(await listIds('tag=vip')).toEqual([ids.bruno]);
    expect((await listIds(`channelId=${p.channelId}`)).length).toBe(4);
    expect(await listIds('channelId=6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10')).toEqual([]);
  });

  it("when one of the caller's chats is closed, then open=true leaves it out of their folder, as the folder's count does", async () => {
    await db.query("UPDATE conversations SET status = 'closed', assignee_id = $1 WHERE id = $2", [meId, ids.ana]);
    try {
      expect((await listIds('assigneeId=me')).sort()).toEqual([ids.carla, ids.ana].sort());
      expect(await listIds('assigneeId=me&open=true')).toEqual([ids.carla]);
      expect(await listIds('assigneeId=me&open=false')).toEqual([ids.ana]);
      expect((await get('/v1/conversations/counts')).body.mine).toBe(1);
      expect((await get('/v1/conversations?open=maybe')).status).toBe(400);
    } finally {
      await db.query("UPDATE conversations SET status = 'bot', assignee_id = NULL WHERE id = $1", [ids.ana]);
    }
  });

  it('when searching, then contact names, phones and message text match, and LIKE wildcards are literal', async () => {
    expect(await listIds('q=souza')).toEqual([ids.ana]);
    expect(await listIds('q=900000002')).toEqual([ids.bruno]);
    expect(await listIds(`q=${encodeURIComponent('pedido 4471')}`)).toEqual([ids.davi]);
    expect(await listIds('q=%25')).toEqual([]);
    expect(await listIds('q=_')).toEqual([]);
    // Bot texts are not searched: every conversation would match them.
    expect(await listIds(`q=${encodeURIComponent('chamar alguém')}`)).toEqual([]);
  });

  it('when a term is rare, medium or common, then the three ways of answering give the same page', async () => {
    const knex = knexFactory({ client: 'pg', connection: p.app.config.DATABASE_URL });
    try {
      const tdb = forTenant(knex, p.tenantId);
      // limit 1: a common term fills the page from the newest rows; limit 30: it falls back to the hash.
      const ids = async (scope: Awaited<ReturnType<typeof searchScope>>) =>
        [...(await listConversations(tdb, { limit: 1 }, null, scope)), ...(await listConversations(tdb, { limit: 30 }, null, scope))].map((r) => r.id);
      for (const q of ['souza', '900000002', 'pedido 4471', 'a', 'oi', 'Lima']) {
        const rare = await searchScope(tdb, q);
        const common = await searchScope(tdb, q, -1); // every part counted as common
        const medium = { ...common, contacts: 'hash' as const };
        const walked = { ...common, contacts: 'many' as const };
        expect(common.contacts).toBe('common');
        expect(await ids(walked), q).toEqual(await ids(rare));
        expect(await ids(medium), q).toEqual(await ids(rare));
        expect(await ids(common), q).toEqual(await ids(rare));
        expect((await ids(rare)).length).toBe(Math.min(2, (await listIds(`q=${encodeURIComponent(q)}`)).length) + (await listIds(`q=${encodeURIComponent(q)}`)).length);
      }
    } finally {
      await knex.destroy();
    }
  });

  it('when an item is listed, then it carries the preview, window, channel type and contact', async () => {
    const res = await get(`/v1/conversations?status=waiting`);
    const item = res.body.items[0];
    expect(item).toMatchObject({
      id: ids.bruno, status: 'waiting', channelId: p.channelId, channelType: 'whatsapp_cloud', assigneeId: null, teamId: null,
      botPaused: true, unreadCount: 1, lastMessage: { text: 'vou chamar alguém', direction: 'out', author: 'bot', type: 'text' },
      contact: { name: 'Bruno Lima', phone: people.bruno.waId, tags: ['vip'], optedOut: false },
    });
    const closes = new Date(item.windowClosesAt).getTime();
    expect(Math.abs(closes - (Date.now() + 24 * 3600_000))).toBeLessThan(120_000);
    expect(item.transferredAt === null || typeof item.transferredAt === 'string').toBe(true);
  });

  it("when a customer's message is the last, then the item carries its stored content, so the inbox names a photo or a location in the agent's language", async () => {
    const item = (await get(`/v1/conversations?q=${encodeURIComponent('pedido 4471')}`)).body.items[0];
    expect(item.lastMessage).toMatchObject({ direction: 'in', author: 'contact', type: 'text', payload: { type: 'text', text: 'quero cancelar o pedido 4471' } });
  });

  it('when many conversations share one timestamp, then paging one by one returns each exactly once, newest first', async () => {
    await db.query("UPDATE conversations SET last_message_at = '2026-11-30T10:00:00.123456Z' WHERE id = ANY($1)", [[ids.ana, ids.davi, ids.bruno]]);
    const all = await listIds('limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await get(`/v1/conversations?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((i: any) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(4);
  });

  it('when the counts are read, then they match the lists', async () => {
    const res = await get('/v1/conversations/counts');
    expect(res.body).toEqual({ waiting: 1, mine: 1, mineUnread: 1, unassigned: 1, snoozed: 0, snoozedAll: 0, bot: 2, human: 1, closed: 0, capped: [] });
  });

  it.each([
    ['garbage', 'not*base64'],
    ['JSON of the wrong shape', Buffer.from(JSON.stringify({ at: 'ontem', id: 'x' })).toString('base64url')],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['a time PostgreSQL has not', Buffer.from(JSON.stringify({ at: '0000-01-01T00:00:00Z', id: '00000000-0000-4000-8000-000000000000' })).toString('base64url')],
  ])('when the cursor is %s, then every paged route answers 400', async (_label, cursor) => {
    for (const path of ['/v1/conversations', `/v1/conversations/${ids.ana}/messages`, `/v1/conversations/${ids.ana}/runlog`]) {
      const res = await get(`${path}?cursor=${cursor}`);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('when searching without accents or in capitals, then accented names and words are found, the same by every way of answering', async () => {
    await p.wa.inbound({ waId: '5511900000009', name: 'João Conceição' }, textMessage('Quero um tênis azul, número 40'));
    const joao = await conversationOf('5511900000009');
    await eventually(async () => (await listIds('q=tenis')).includes(joao));
    for (const q of ['joao', 'CONCEICAO', 'conceição', 'tenis', 'TÊNIS', 'tênis azul']) expect(await listIds(`q=${encodeURIComponent(q)}`), q).toEqual([joao]);
    expect((await get('/v1/contacts?q=joao')).body.items.map((c: { name: string }) => c.name)).toEqual(['João Conceição']);
    const knex = knexFactory({ client: 'pg', connection: p.app.config.DATABASE_URL });
    try {
      const tdb = forTenant(knex, p.tenantId);
      for (const q of ['joao', 'tenis']) {
        const common = await searchScope(tdb, q, -1);
        for (const scope of [await searchScope(tdb, q), common, { ...common, contacts: 'hash' as const }, { ...common, contacts: 'many' as const }]) {
          expect((await listConversations(tdb, { limit: 30 }, null, scope)).map((r) => r.id), q).toEqual([joao]);
        }
      }
    } finally {
      await knex.destroy();
    }
  });

  it('when the filters are malformed, then the answer is 400', async () => {
    for (const query of ['status=open', 'assigneeId=someone', 'unassigned=yes', 'teamId=1', 'limit=0']) {
      expect((await get(`/v1/conversations?${query}`)).status, query).toBe(400);
    }
  });
});

describe('one conversation and its messages', () => {
  it('when read, then the contact, the assignee and the team come expanded', async () => {
    const res = await get(`/v1/conversations/${ids.carla}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ids.carla, status: 'human', assigneeId: meId, assignee: { id: meId, name: 'Ana' }, teamId: ids.team, team: { id: ids.team, name: 'Vendas' },
      contact: { name: 'Carla Dias', phone: people.carla.waId, externalId: people.carla.waId, attributes: {} },
    });
  });

  it('when an agent reply fails at WhatsApp, then the message says why in plain words and names its author', async () => {
    p.wa.failNext({ httpStatus: 200, code: 131026, details: 'Message undeliverable', async: true });
    expect((await api(p.app, 'POST', `/v1/conversations/${ids.carla}/messages`, { text: 'Olá Carla' }, p.token)).status).toBe(201);
    const failed = await eventually(async () => {
      const res = await get(`/v1/conversations/${ids.carla}/messages`);
      return res.body.items.find((m: any) => m.text === 'Olá Carla' && m.status === 'failed');
    });
    expect(failed).toMatchObject({ author: 'agent', authorUser: { id: meId, name: 'Ana' }, error: expect.stringMatching(/^131026/), errorText: expect.stringMatching(/could not be delivered/) });
    const one = await get(`/v1/conversations/${ids.carla}/messages/${failed.id}`);
    expect(one.body).toEqual(failed);
  });

  it('when the customer sends a photo, then the message item describes the file', async () => {
    p.wa.addMedia('MID-LIST-1', Buffer.from('fake-jpeg-bytes'), 'image/jpeg');
    await p.wa.inbound(people.ana, imageMessage('MID-LIST-1', 'olha'));
    const photo = await eventually(async () => {
      const res = await get(`/v1/conversations/${ids.ana}/messages`);
      return res.body.items.find((m: any) => m.type === 'image' && m.media?.status === 'stored');
    });
    expect(photo).toMatchObject({ direction: 'in', author: 'contact', authorUser: null, media: { mime: 'image/jpeg', size: 15 } });
  });

  it('when another workspace asks, then every read route is 404 and its list is empty', async () => {
    const other = await signupWorkspace(p.app);
    const messages = await get(`/v1/conversations/${ids.ana}/messages`);
    for (const path of [
      `/v1/conversations/${ids.ana}`, `/v1/conversations/${ids.ana}/messages`, `/v1/conversations/${ids.ana}/messages/${messages.body.items[0].id}`,
      `/v1/conversations/${ids.ana}/session`, `/v1/conversations/${ids.ana}/runlog`,
    ]) {
      expect((await get(path, other.token)).status, path).toBe(404);
    }
    expect((await get('/v1/conversations', other.token)).body.items).toEqual([]);
    expect((await get('/v1/conversations/counts', other.token)).body).toEqual({ waiting: 0, mine: 0, mineUnread: 0, unassigned: 0, snoozed: 0, snoozedAll: 0, bot: 0, human: 0, closed: 0, capped: [] });
  });
});

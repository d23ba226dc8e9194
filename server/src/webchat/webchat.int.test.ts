// The web-chat channel and the builder's simulator through the real pipeline and socket.io.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { addMember } from '../../test/agents';
import { eventually } from '../../test/pipeline';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  app = await startTestApp();
  owner = await signupWorkspace(app);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close();
});

async function visitorSocket(visitorToken: string) {
  const socket = connect(`${app.url}/webchat`, { auth: { visitorToken }, transports: ['websocket'] });
  sockets.push(socket);
  const received: any[] = [];
  socket.on('message', (m) => received.push(m));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return received;
}

const say = (channelId: string, token: string, body: Record<string, unknown>) => api(app, 'POST', `/v1/webchat/${channelId}/messages`, body, token);

describe('web chat', () => {
  it("when the widget asks how to look, then it gets the channel's language, colour and title, never guessed from the visitor", async () => {
    const branded = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site EN', config: { language: 'en', color: '#ff6600', title: 'Talk to Ana' } }, owner.token);
    expect(branded.status).toBe(201);
    const look = await api(app, 'GET', `/v1/webchat/${branded.body.id}/appearance`);
    expect(look.status).toBe(200);
    expect(look.body).toEqual({ language: 'en', color: '#ff6600', title: 'Talk to Ana' });
    const plain = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site padrão' }, owner.token);
    expect((await api(app, 'GET', `/v1/webchat/${plain.body.id}/appearance`)).body).toEqual({ language: 'pt-BR', color: '#12b886', title: null });
    const bad = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Bad', config: { color: 'red; background:url(x)' } }, owner.token);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect((await api(app, 'GET', '/v1/webchat/00000000-0000-4000-8000-000000000000/appearance')).status).toBe(404);
  });

  it('when a visitor writes, then the published bot answers live and the history survives a reload', async () => {
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, owner.token);
    expect(channel.status).toBe(201);
    const created = await api(app, 'POST', '/v1/flows', {
      name: 'Site',
      document: flow(
        [keywordTrigger('oi'), node('menu', 'message', { text: 'Olá! Escolha:', buttons: [{ id: 'a', title: 'Preços' }, { id: 'b', title: 'Horários' }] }), node('h', 'message', { text: 'Abrimos às 9h' }), node('p', 'message', { text: 'Veja nossos preços' })],
        [edge('start', 'next', 'menu'), edge('menu', 'btn:b', 'h'), edge('menu', 'btn:a', 'p')],
      ),
    }, owner.token);
    expect((await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, owner.token)).status).toBe(201);

    const session = await api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, {});
    expect(session.status).toBe(201);
    const received = await visitorSocket(session.body.visitorToken);
    expect((await say(channel.body.id, session.body.visitorToken, { text: 'Oi', clientMessageId: 'm-00000001' })).status).toBe(202);
    await eventually(() => received.length === 1);
    expect(received[0]).toMatchObject({ direction: 'out', text: 'Olá! Escolha:' });
    expect(received[0].payload.buttons).toEqual([{ id: 'a', title: 'Preços' }, { id: 'b', title: 'Horários' }]);
    // A retried POST with the same client id is the same message.
    expect((await say(channel.body.id, session.body.visitorToken, { text: 'Oi', clientMessageId: 'm-00000001' })).body.duplicate).toBe(true);
    await say(channel.body.id, session.body.visitorToken, { text: 'Horários', replyId: 'b' });
    await eventually(() => received.length === 2);
    expect(received[1].text).toBe('Abrimos às 9h');

    const again = await api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, { visitorId: session.body.visitorId, resumeSecret: session.body.resumeSecret });
    expect(again.body).toMatchObject({ visitorId: session.body.visitorId, resumed: true });
    const history = await api(app, 'GET', `/v1/webchat/${channel.body.id}/messages`, undefined, again.body.token);
    expect(history.body.items.map((m: any) => [m.direction, m.text])).toEqual([
      ['in', 'Oi'], ['out', 'Olá! Escolha:'], ['in', 'Horários'], ['out', 'Abrimos às 9h'],
    ]);
  });

  it('when an agent closes a web chat, then that visitor (and no other) is told at once and after a reload, until they write again', async () => {
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site fechamento' }, owner.token);
    const start = (name: string) => api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, { name });
    const [ana, bia] = [(await start('Ana')).body, (await start('Bia')).body];
    const closedFor = async (token: string) => {
      const told: unknown[] = [];
      const received = await visitorSocket(token);
      sockets.at(-1)!.on('closed', (e) => told.push(e));
      return { told, received };
    };
    const [anaLive, biaLive] = [await closedFor(ana.token), await closedFor(bia.token)];
    await say(channel.body.id, ana.token, { text: 'Quero falar com alguém' });
    await say(channel.body.id, bia.token, { text: 'Oi' });
    const history = async (token: string) => (await api(app, 'GET', `/v1/webchat/${channel.body.id}/messages`, undefined, token)).body;
    await eventually(async () => (await history(ana.token)).items.length > 0 && (await history(bia.token)).items.length > 0);
    expect((await history(ana.token)).closed).toBe(false);

    const listed = (await api(app, 'GET', `/v1/conversations?channelId=${channel.body.id}`, undefined, owner.token)).body.items as Array<{ id: string; contact: { name: string } }>;
    expect(listed.map((c) => c.contact.name).sort()).toEqual(['Ana', 'Bia']);
    const anaChat = listed.find((c) => c.contact.name === 'Ana')!;
    expect((await api(app, 'POST', `/v1/conversations/${anaChat.id}/close`, {}, owner.token)).status).toBe(200);
    await eventually(() => anaLive.told.length === 1);
    expect((await history(ana.token)).closed).toBe(true);
    // Nobody else's widget hears of it.
    await new Promise((r) => setTimeout(r, 500));
    expect(biaLive.told).toEqual([]);
    expect((await history(bia.token)).closed).toBe(false);

    // Writing again reopens the chat: the widget no longer says it is closed.
    await say(channel.body.id, ana.token, { text: 'Mais uma dúvida' });
    await eventually(async () => (await history(ana.token)).closed === false);
    expect((await history(ana.token)).items.map((m: { text: string }) => m.text)).toContain('Mais uma dúvida');
  });

  it('when the site names its visitor, then the contact carries that name, and an agent\'s rename is kept', async () => {
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Loja' }, owner.token);
    const session = await api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, { name: '  Maria Silva ' });
    expect(session.status).toBe(201);
    await say(channel.body.id, session.body.token, { text: 'Oi' });
    const contact = await eventually(async () => (await api(app, 'GET', '/v1/contacts?q=Maria%20Silva', undefined, owner.token)).body.items[0]);
    expect(contact.name).toBe('Maria Silva');
    // The agent's rename wins over what the site says with the next message.
    expect((await api(app, 'PATCH', `/v1/contacts/${contact.id}`, { name: 'Maria (cliente VIP)' }, owner.token)).status).toBe(200);
    await say(channel.body.id, session.body.token, { text: 'Ainda aí?' });
    const inbound = async () => (await api(app, 'GET', `/v1/webchat/${channel.body.id}/messages`, undefined, session.body.token)).body.items.filter((m: any) => m.direction === 'in');
    await eventually(async () => (await inbound()).length === 2);
    expect((await api(app, 'GET', `/v1/contacts/${contact.id}`, undefined, owner.token)).body.name).toBe('Maria (cliente VIP)');
  });

  it('when someone knows another visitor\'s id (agents see it), then resuming with it starts a new, empty visitor', async () => {
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Loja' }, owner.token);
    const victim = await api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, {});
    expect(victim.status).toBe(201);
    await say(channel.body.id, victim.body.visitorToken, { text: 'meu CPF é 123.456.789-00' });
    // What an agent (or anyone reading the inbox) learns: the visitor id, as the contact's id.
    const listed = await eventually(async () => (await api(app, 'GET', `/v1/conversations?channelId=${channel.body.id}`, undefined, owner.token)).body.items[0]);
    const seen = (await api(app, 'GET', `/v1/conversations/${listed.id}`, undefined, owner.token)).body;
    expect(seen.contact.externalId).toBe(victim.body.visitorId);

    const otherChannel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Outra' }, owner.token);
    const known = seen.contact.externalId;
    const attempts = [
      { visitorId: known },
      { visitorId: known, resumeSecret: 'A'.repeat(43) },
      { visitorId: known, resumeSecret: `${String(victim.body.resumeSecret).startsWith('A') ? 'B' : 'A'}${String(victim.body.resumeSecret).slice(1)}` },
    ];
    for (const body of attempts) {
      const attacker = await api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, body);
      expect(attacker.status).toBe(201);
      expect(attacker.body.visitorId).not.toBe(victim.body.visitorId);
      expect(attacker.body.resumed).toBe(false);
      const history = await api(app, 'GET', `/v1/webchat/${channel.body.id}/messages`, undefined, attacker.body.visitorToken);
      expect(history.body.items).toEqual([]);
    }
    expect(victim.body).toMatchObject({ token: victim.body.visitorToken, visitorId: known, resumeSecret: expect.stringMatching(/^[\w-]{43}$/) });
    // The secret is bound to its channel: the same pair does not resume anything elsewhere.
    const elsewhere = await api(app, 'POST', `/v1/webchat/${otherChannel.body.id}/sessions`, { visitorId: victim.body.visitorId, resumeSecret: victim.body.resumeSecret });
    expect(elsewhere.body.visitorId).not.toBe(victim.body.visitorId);
    const resumed = await api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, { visitorId: victim.body.visitorId, resumeSecret: victim.body.resumeSecret });
    await eventually(async () => (await api(app, 'GET', `/v1/webchat/${channel.body.id}/messages`, undefined, resumed.body.token)).body.items.length === 1);
  });

  it('when the try page is opened, then it embeds the widget of a web-chat channel, and 404 for any other id', async () => {
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Demo' }, owner.token);
    const page = await fetch(`${app.url}/try/${channel.body.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`data-channel="${channel.body.id}"`);
    expect((await fetch(`${app.url}/try/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it("when the try page is opened, then it says what starts this workspace's published flows on the channel, escaped", async () => {
    const shop = await signupWorkspace(app, 'Padaria');
    const site = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, shop.token);
    const other = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Outro' }, shop.token);
    const text = async () => (await fetch(`${app.url}/try/${site.body.id}`)).text();
    expect(await text()).toContain('Nenhum fluxo publicado responde a este chat ainda');
    const publish = async (trigger: ReturnType<typeof keywordTrigger>) => {
      const created = await api(app, 'POST', '/v1/flows', { name: 'F', document: flow([trigger, node('hi', 'message', { text: 'Olá' })], [edge('start', 'next', 'hi')]) }, shop.token);
      expect((await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, shop.token)).status).toBe(201);
    };
    await publish(keywordTrigger('cardápio'));
    await publish(keywordTrigger('<b>pão</b>', { keywords: [{ match: 'exact', value: '<b>pão</b>' }, { match: 'regex', value: '^p(a|ã)o$' }] }));
    await publish(keywordTrigger('só no outro', { channelIds: [other.body.id] }));
    const page = await text();
    expect(page).toContain('escreva <code>cardápio</code> ou <code>&#60;b&#62;pão&#60;/b&#62;</code>.');
    expect(page).toContain('write <code>cardápio</code> or <code>&#60;b&#62;pão&#60;/b&#62;</code>.');
    expect(page).not.toContain('<b>pão');
    expect(page).not.toContain('^p(a|ã)o$');
    expect(page).not.toContain('só no outro');
    // The first workspace's published "oi" is not this workspace's.
    expect(page).not.toContain('<code>oi</code>');
    // The flow scoped to the other channel is named there; a fallback flow means any message.
    expect(await (await fetch(`${app.url}/try/${other.body.id}`)).text()).toContain('escreva <code>cardápio</code> ou <code>&#60;b&#62;pão&#60;/b&#62;</code> ou <code>só no outro</code>.');
    await publish(node('start', 'trigger', { fallback: true }) as ReturnType<typeof keywordTrigger>);
    expect(await text()).toContain('(ou qualquer mensagem)');
  });

  it('when a token is missing, forged or for another channel, then the visitor API refuses', async () => {
    const a = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'A' }, owner.token);
    const b = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'B' }, owner.token);
    const visitor = await api(app, 'POST', `/v1/webchat/${a.body.id}/sessions`, {});
    expect((await say(a.body.id, 'nope', { text: 'x' })).status).toBe(401);
    expect((await say(b.body.id, visitor.body.visitorToken, { text: 'x' })).status).toBe(403);
    expect((await api(app, 'POST', '/v1/webchat/00000000-0000-4000-8000-000000000000/sessions', {})).status).toBe(404);
    const preflight = await fetch(`${app.url}/v1/webchat/${a.body.id}/messages`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    // Once the business disables the channel, its visitors' history is gone with it, and their typing shows nowhere.
    const typing = () => api(app, 'POST', `/v1/webchat/${a.body.id}/typing`, { on: true }, visitor.body.visitorToken);
    expect((await api(app, 'GET', `/v1/webchat/${a.body.id}/messages`, undefined, visitor.body.visitorToken)).status).toBe(200);
    expect((await typing()).status).toBe(204);
    expect((await api(app, 'POST', `/v1/channels/${a.body.id}/disable`, {}, owner.token)).status).toBe(200);
    expect((await api(app, 'GET', `/v1/webchat/${a.body.id}/messages`, undefined, visitor.body.visitorToken)).status).toBe(404);
    expect((await typing()).status).toBe(404);
  });
});

describe('test this flow', () => {
  it('when a draft is tested, then it runs whatever its keywords, and the session shows the node and variables', async () => {
    const draft = flow(
      [keywordTrigger('nunca-digitado'), node('ask', 'message', { text: 'Qual seu nome?' }), node('name', 'wait', { mode: 'reply', saveAs: 'nome' }), node('bye', 'message', { text: 'Prazer, {{nome}}!' })],
      [edge('start', 'next', 'ask'), edge('ask', 'next', 'name'), edge('name', 'next', 'bye')],
      ['nome'],
    );
    const created = await api(app, 'POST', '/v1/flows', { name: 'Rascunho', document: draft }, owner.token);
    const run = await api(app, 'POST', `/v1/flows/${created.body.id}/test`, {}, owner.token);
    expect(run.status).toBe(201);
    const received = await visitorSocket(run.body.visitorToken);
    await say(run.body.channelId, run.body.visitorToken, { text: 'olá' });
    await eventually(() => received.length === 1);
    expect(received[0].text).toBe('Qual seu nome?');
    const waiting = await api(app, 'GET', `/v1/conversations/${run.body.conversationId}/session`, undefined, owner.token);
    expect(waiting.body).toMatchObject({ status: 'active', currentNodeId: 'name', waitingFor: 'reply' });
    await say(run.body.channelId, run.body.visitorToken, { text: 'Joana' });
    await eventually(() => received.length === 2);
    expect(received[1].text).toBe('Prazer, Joana!');
    const done = await api(app, 'GET', `/v1/conversations/${run.body.conversationId}/session`, undefined, owner.token);
    expect(done.body).toMatchObject({ status: 'ended', vars: { nome: 'Joana' } });
    const log = await api(app, 'GET', `/v1/conversations/${run.body.conversationId}/runlog`, undefined, owner.token);
    expect(log.body.items.map((i: any) => i.nodeId)).toEqual(expect.arrayContaining(['start', 'ask', 'name', 'bye']));

    const channels = await api(app, 'GET', '/v1/channels', undefined, owner.token);
    expect(channels.body.items.map((c: any) => c.name)).not.toContain('Simulator');
    const conversations = await api(app, 'GET', '/v1/conversations', undefined, owner.token);
    expect(conversations.body.items.map((c: any) => c.id)).not.toContain(run.body.conversationId);
    const versions = await api(app, 'GET', `/v1/flows/${created.body.id}/versions`, undefined, owner.token);
    expect(versions.body.items).toEqual([]);
  });

  it('when a marketer tests a flow, then they watch its session and run log under the flow, and nothing else through it', async () => {
    const marketer = await addMember(app, owner.workspace.id, 'Marina', 'marketer');
    const doc = flow([keywordTrigger('nunca'), node('hi', 'message', { text: 'Oi!' }), node('handoff', 'transfer', {})], [edge('start', 'next', 'hi'), edge('hi', 'next', 'handoff')]);
    const created = await api(app, 'POST', '/v1/flows', { name: 'Do marketing', document: doc }, marketer.token);
    const run = await api(app, 'POST', `/v1/flows/${created.body.id}/test`, {}, marketer.token);
    expect(run.status).toBe(201);
    const chat = `/v1/flows/${created.body.id}/test/${run.body.conversationId}`;
    await say(run.body.channelId, run.body.visitorToken, { text: 'olá' });
    const ended = await eventually(async () => {
      const s = await api(app, 'GET', `${chat}/session`, undefined, marketer.token);
      return s.status === 200 && s.body.status === 'ended' ? s.body : null;
    });
    expect(ended).toMatchObject({ status: 'ended', endedReason: 'transferred' });
    const log = await api(app, 'GET', `${chat}/runlog?limit=200`, undefined, marketer.token);
    expect(log.status).toBe(200);
    expect(log.body.items.map((i: any) => i.nodeId)).toEqual(expect.arrayContaining(['start', 'hi', 'handoff']));
    // The inbox's routes stay closed to marketers.
    expect((await api(app, 'GET', `/v1/conversations/${run.body.conversationId}/session`, undefined, marketer.token)).status).toBe(403);
    // Only a test chat of this very flow: not another flow's, not a customer's, not another workspace's.
    const otherFlow = await api(app, 'POST', '/v1/flows', { name: 'Outro' }, marketer.token);
    expect((await api(app, 'GET', `/v1/flows/${otherFlow.body.id}/test/${run.body.conversationId}/session`, undefined, marketer.token)).status).toBe(404);
    const site = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, owner.token);
    const visitor = await api(app, 'POST', `/v1/webchat/${site.body.id}/sessions`, {});
    await say(site.body.id, visitor.body.visitorToken, { text: 'sou cliente' });
    const customer = await eventually(async () => (await api(app, 'GET', '/v1/conversations', undefined, owner.token)).body.items?.find((c: any) => c.channelId === site.body.id));
    for (const path of ['session', 'runlog']) {
      const res = await api(app, 'GET', `/v1/flows/${created.body.id}/test/${customer.id}/${path}`, undefined, marketer.token);
      expect(res).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
    const stranger = await signupWorkspace(app);
    expect((await api(app, 'GET', `${chat}/session`, undefined, stranger.token)).status).toBe(404);
    expect((await api(app, 'GET', `${chat}/runlog`, undefined, stranger.token)).status).toBe(404);
    const agent = await addMember(app, owner.workspace.id, 'Bruno', 'agent');
    expect((await api(app, 'GET', `${chat}/session`, undefined, agent.token)).status).toBe(403);
  });

  it("when a draft is tested, then the test contact is named in the tester's language (Teste in Portuguese, Test otherwise)", async () => {
    const created = await api(app, 'POST', '/v1/flows', { name: 'Idioma' }, owner.token);
    const nameOf = async (acceptLanguage: string | undefined) => {
      const res = await fetch(`${app.url}/v1/flows/${created.body.id}/test`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
        body: '{}',
      });
      expect(res.status).toBe(201);
      const { conversationId } = (await res.json()) as { conversationId: string };
      return (await api(app, 'GET', `/v1/conversations/${conversationId}`, undefined, owner.token)).body.contact.name as string;
    };
    expect(await nameOf('pt-BR')).toBe('Teste');
    expect(await nameOf('pt')).toBe('Teste');
    expect(await nameOf('en')).toBe('Test');
    expect(await nameOf('es-ES,es;q=0.9')).toBe('Test');
    expect(await nameOf(undefined)).toBe('Test');
  });

  it("when a draft's wait step re-asks with the text left empty, then the test chat re-asks in the tester's language", async () => {
    const draft = flow(
      [keywordTrigger('nunca-digitado'), node('age', 'wait', { mode: 'reply', expect: 'number', saveAs: 'idade', maxRetries: 2 })],
      [edge('start', 'next', 'age')],
      ['idade'],
    );
    const created = await api(app, 'POST', '/v1/flows', { name: 'Idade', document: draft }, owner.token);
    const reask = async (acceptLanguage: string) => {
      const res = await fetch(`${app.url}/v1/flows/${created.body.id}/test`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, 'accept-language': acceptLanguage }, body: '{}',
      });
      const run = (await res.json()) as { channelId: string; visitorToken: string };
      const received = await visitorSocket(run.visitorToken);
      await say(run.channelId, run.visitorToken, { text: 'oi' });
      await say(run.channelId, run.visitorToken, { text: 'vinte' });
      return (await eventually(() => received[0])).text as string;
    };
    expect(await reask('en')).toBe('Please answer with a number only.');
    expect(await reask('pt-BR')).toBe('Por favor, responda só com um número.');
  });

  it('when another workspace tries to test the flow, then it is not found', async () => {
    const created = await api(app, 'POST', '/v1/flows', { name: 'X' }, owner.token);
    const other = await signupWorkspace(app);
    expect((await api(app, 'POST', `/v1/flows/${created.body.id}/test`, {}, other.token)).status).toBe(404);
  });
});

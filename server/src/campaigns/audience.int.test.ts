// Before a campaign sends, the marketer sees how many people its audience reaches (and how many of
// them opted out): counted by the same rule that freezes it, so the number shown is the number sent.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addAgent } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
pipelineForFile((started) => ({ pipeline: p, db } = started));

// A default for the typed number, which has no name: a recipient with an empty parameter is skipped.
const TEMPLATE = { name: 'promo_dezembro', language: 'pt_BR', parameters: { body: ['{{contact.name | "cliente"}}'] }, text: 'Olá {{1}}!' };
const preview = (audience: unknown, token = p.token, channelId = p.channelId) => api(p.app, 'POST', '/v1/campaigns/audience', { channelId, audience }, token);

/** Ten "vip" contacts (two opted out), Cliente 0 to 9 at 551198888000<i>, and one "lead", Cliente 10. */
async function seed() {
  await db.query(
    `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags, opted_out_at)
     SELECT $1, $2, '55119888800' || lpad(i::text, 2, '0'), '55119888800' || lpad(i::text, 2, '0'), 'Cliente ' || i,
       CASE WHEN i < 10 THEN '{vip}'::text[] ELSE '{lead}'::text[] END, CASE WHEN i IN (3, 4) THEN now() END
     FROM generate_series(0, 10) i`,
    [p.tenantId, p.channelId],
  );
}

describe('the audience a campaign reaches', () => {
  it('when tags, phones and a saved filter are counted, then each person counts once, the opted out apart, and new numbers too', async () => {
    await seed();
    expect(await preview({ tags: ['vip'] })).toMatchObject({ status: 200, body: { total: 10, reachable: 8, optedOut: 2 } });
    expect((await preview({ tags: [' vip '] })).body).toEqual({ total: 10, reachable: 8, optedOut: 2, missingValue: 0 }); // pasted with spaces
    // 10 vips, the lead by its number (written locally), a vip's number again (counted once), two new numbers.
    const phones = ['11988880010', '5511988880001', '11977770001', '11977770002'];
    expect((await preview({ tags: ['vip'], phones })).body).toEqual({ total: 13, reachable: 11, optedOut: 2, missingValue: 0 });
    const filter = await api(p.app, 'POST', '/v1/contact-filters', { name: 'Cliente 1x', q: 'Cliente 1', tags: [] }, p.token);
    expect(filter.status).toBe(201);
    // "Cliente 1" matches Cliente 1 and Cliente 10 (the lead).
    expect((await preview({ filterId: filter.body.id })).body).toEqual({ total: 2, reachable: 2, optedOut: 0, missingValue: 0 });
    expect((await preview({ tags: ['nobody'] })).body).toEqual({ total: 0, reachable: 0, optedOut: 0, missingValue: 0 });
  });

  it('when a draft is counted and then started, then the recipients frozen are the people counted', async () => {
    p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 1 });
    const created = await api(p.app, 'POST', '/v1/campaigns', { name: 'Natal', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'], phones: ['11977770003'] } }, p.token);
    expect(created.status).toBe(201);
    const counted = await api(p.app, 'GET', `/v1/campaigns/${created.body.id}/audience`, undefined, p.token);
    expect(counted).toMatchObject({ status: 200, body: { total: 11, reachable: 9, optedOut: 2 } });
    expect((await api(p.app, 'POST', `/v1/campaigns/${created.body.id}/start`, {}, p.token)).status).toBe(200);
    const started = (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}`, undefined, p.token)).body;
    expect(started.counts.total).toBe(counted.body.total);
    expect(started.counts.skipped).toBe(counted.body.optedOut);
    // A recipient's phone is the contacts API's E.164 form.
    const recipients = (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}/recipients`, undefined, p.token)).body.items;
    const typed = recipients.find((r: { contact: { phone: string } }) => r.contact.phone.endsWith('11977770003'));
    expect(typed.contact.phone).toBe('+5511977770003');
    expect((await api(p.app, 'GET', `/v1/contacts/${typed.contactId}`, undefined, p.token)).body.phone).toBe(typed.contact.phone);
  });

  it('when the template would reach some people with an empty value, then the count leaves them out, and the send skips exactly those', async () => {
    // Five "bairro" customers: two without a name, one without the attribute, one opted out without a name.
    await db.query(
      `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags, attributes, opted_out_at)
       SELECT $1, $2, '55119777700' || i, '55119777700' || i, CASE WHEN i IN (1, 2, 4) THEN NULL ELSE 'Bairro ' || i END, '{bairro}',
         CASE WHEN i = 3 THEN '{}'::jsonb ELSE '{"bairro": "Centro"}'::jsonb END, CASE WHEN i = 4 THEN now() END
       FROM generate_series(0, 4) i`,
      [p.tenantId, p.channelId],
    );
    p.wa.addTemplate({ name: 'promo_bairro', language: 'pt_BR', status: 'APPROVED', bodyParams: 2 });
    const template = { name: 'promo_bairro', language: 'pt_BR', parameters: { body: ['{{contact.name}}', 'Oferta no {{bairro}}'] }, text: 'Olá {{1}}! {{2}}' };
    // "Oferta no " is not empty without the attribute: only the two unnamed (and reachable) are left out.
    expect((await api(p.app, 'POST', '/v1/campaigns/audience', { channelId: p.channelId, audience: { tags: ['bairro'] }, template }, p.token)).body)
      .toEqual({ total: 5, reachable: 2, optedOut: 1, missingValue: 2 });
    const onlyBairro = { ...template, parameters: { body: ['{{contact.name | "cliente"}}', '{{bairro}}'] } };
    expect((await api(p.app, 'POST', '/v1/campaigns/audience', { channelId: p.channelId, audience: { tags: ['bairro'] }, template: onlyBairro }, p.token)).body)
      .toEqual({ total: 5, reachable: 3, optedOut: 1, missingValue: 1 });

    const created = await api(p.app, 'POST', '/v1/campaigns', { name: 'Bairro', channelId: p.channelId, template, audience: { tags: ['bairro'] }, window: { start: '00:00', end: '24:00' } }, p.token);
    const counted = (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}/audience`, undefined, p.token)).body;
    expect(counted).toEqual({ total: 5, reachable: 2, optedOut: 1, missingValue: 2 });
    expect((await api(p.app, 'POST', `/v1/campaigns/${created.body.id}/start`, {}, p.token)).status).toBe(200);
    const recipients = await eventually(async () => {
      const items = (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}/recipients`, undefined, p.token)).body.items as Array<{ status: string; reason: string | null }>;
      return items.every((r) => r.status !== 'pending') ? items : null;
    }, 30_000);
    expect(recipients.filter((r) => r.reason === 'missing_value')).toHaveLength(counted.missingValue);
    expect(recipients.filter((r) => r.status !== 'skipped')).toHaveLength(counted.reachable);
  });

  it('when a campaign starts outside its sending hours, then those the count left out are skipped at once with the reason, not listed as pending', async () => {
    // Four "madrugada" customers: one without a name, one opted out; the hours open two hours from now (UTC).
    await db.query(
      `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags, opted_out_at)
       SELECT $1, $2, '55119666600' || i, '55119666600' || i, CASE WHEN i = 1 THEN NULL ELSE 'Madrugada ' || i END, '{madrugada}', CASE WHEN i = 2 THEN now() END
       FROM generate_series(0, 3) i`,
      [p.tenantId, p.channelId],
    );
    p.wa.addTemplate({ name: 'promo_cedo', language: 'pt_BR', status: 'APPROVED', bodyParams: 1 });
    const hh = (h: number) => `${String((new Date().getUTCHours() + h) % 24).padStart(2, '0')}:00`;
    const template = { name: 'promo_cedo', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] }, text: 'Olá {{1}}!' };
    const created = await api(p.app, 'POST', '/v1/campaigns', { name: 'Cedo', channelId: p.channelId, template, audience: { tags: ['madrugada'] }, timeZone: 'UTC', window: { start: hh(2), end: hh(3) } }, p.token);
    const counted = (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}/audience`, undefined, p.token)).body;
    expect(counted).toEqual({ total: 4, reachable: 2, optedOut: 1, missingValue: 1 });
    expect((await api(p.app, 'POST', `/v1/campaigns/${created.body.id}/start`, {}, p.token)).status).toBe(200);
    const started = (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}`, undefined, p.token)).body;
    expect(started).toMatchObject({ status: 'running', counts: { total: 4, pending: counted.reachable, skipped: counted.optedOut + counted.missingValue } });
    const items = (await api(p.app, 'GET', `/v1/campaigns/${created.body.id}/recipients?status=skipped`, undefined, p.token)).body.items as Array<{ reason: string }>;
    expect(items.map((r) => r.reason).sort()).toEqual(['missing_value', 'opted_out']);
    expect(p.wa.sendsTo('551196666000')).toHaveLength(0);
  });

  it('when contact ids name no contact of this channel (another workspace\'s, another channel\'s, none), then 404 (400 when all are this workspace\'s) lists them and nothing is created', async () => {
    const mine = (await db.query(`SELECT id FROM contacts WHERE tenant_id = $1 AND channel_id = $2 AND tags @> '{vip}' ORDER BY name LIMIT 2`, [p.tenantId, p.channelId])).rows.map((r) => r.id as string);
    expect(mine).toHaveLength(2);
    const other = await signupWorkspace(p.app, 'Vizinha');
    const theirChannel = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} }, other.token);
    const theirs = (await db.query(
      `INSERT INTO contacts (tenant_id, channel_id, external_id, name) VALUES ($1, $2, 'visitante-1', 'Visitante') RETURNING id`, [other.workspace.id, theirChannel.body.id],
    )).rows[0].id as string;
    const myWebchat = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} }, p.token);
    const onOtherChannel = (await db.query(
      `INSERT INTO contacts (tenant_id, channel_id, external_id, name) VALUES ($1, $2, 'visitante-2', 'Visitante') RETURNING id`, [p.tenantId, myWebchat.body.id],
    )).rows[0].id as string;
    const nobody = '00000000-0000-4000-8000-000000000001';

    expect((await preview({ contactIds: mine })).body).toEqual({ total: 2, reachable: 2, optedOut: 0, missingValue: 0 });
    const refused = await preview({ contactIds: [...mine, theirs, onOtherChannel, nobody, theirs] });
    expect(refused).toMatchObject({ status: 404, body: { error: { code: 'not_found', unknownContactIds: [theirs, onOtherChannel, nobody], unknownCount: 3 } } });
    // Only a contact of this workspace's other channel: a bad audience, not an unknown id.
    expect(await preview({ contactIds: [...mine, onOtherChannel] })).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', unknownContactIds: [onOtherChannel] } } });
    const before = (await db.query('SELECT count(*)::int AS n FROM campaigns WHERE tenant_id = $1', [p.tenantId])).rows[0].n;
    const create = await api(p.app, 'POST', '/v1/campaigns', { name: 'x', channelId: p.channelId, template: TEMPLATE, audience: { contactIds: [mine[0], theirs] } }, p.token);
    expect(create).toMatchObject({ status: 404, body: { error: { code: 'not_found', unknownContactIds: [theirs], unknownCount: 1 } } });
    expect((await db.query('SELECT count(*)::int AS n FROM campaigns WHERE tenant_id = $1', [p.tenantId])).rows[0].n).toBe(before);
  });

  it('when input is bad, an agent asks, or another workspace names this channel or campaign, then 400, 403 and 404', async () => {
    const bad = await preview({ phones: ['123456789'] });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', invalidPhones: ['123456789'] } } });
    expect((await preview({})).status).toBe(400);
    expect((await api(p.app, 'POST', '/v1/campaigns/audience', { audience: { tags: ['vip'] } }, p.token)).status).toBe(400);
    expect((await preview({ filterId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    const agent = await addAgent(p.app, p.tenantId, 'Bia');
    expect((await preview({ tags: ['vip'] }, agent.token)).status).toBe(403);
    const other = await signupWorkspace(p.app, 'Outra');
    expect((await preview({ tags: ['vip'] }, other.token)).status).toBe(404);
    const draft = await api(p.app, 'POST', '/v1/campaigns', { name: 'x', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] } }, p.token);
    expect((await api(p.app, 'GET', `/v1/campaigns/${draft.body.id}/audience`, undefined, other.token)).status).toBe(404);
    expect((await api(p.app, 'GET', '/v1/campaigns/not-an-id/audience', undefined, p.token)).status).toBe(404);
  });
});

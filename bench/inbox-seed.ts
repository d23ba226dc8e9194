// Seeds a workspace the size the inbox must stay fast at, with bulk SQL (generate_series): 100k
// contacts and conversations, three messages each, spread over 90 days, in every status, with
// teams, agents, tags and a second, busier-than-average workspace beside it.
import pg from 'pg';

export type SeedResult = { conversations: number; messages: number; teamId: string; agentIds: string[]; seconds: number };

const SPREAD = `now() - (random() * interval '90 days')`;

async function seedTenant(client: pg.Client, tenantId: string, channelId: string, n: number, agents: string[], teams: string[]) {
  await client.query(
    `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags)
     SELECT $1, $2, '55119' || lpad(g::text, 8, '0'), '55119' || lpad(g::text, 8, '0'),
       (ARRAY['Ana','Bruno','Carla','Davi','Elisa','Fábio','Gabriela','Heitor','Isabela','João'])[1 + g % 10] || ' ' ||
       (ARRAY['Souza','Lima','Dias','Rocha','Alves','Costa','Pereira','Gomes','Ribeiro','Martins'])[1 + (g / 10) % 10] || ' ' || g,
       CASE WHEN g % 20 = 0 THEN ARRAY['vip'] WHEN g % 7 = 0 THEN ARRAY['lead'] ELSE '{}'::text[] END
     FROM generate_series(1, $3::int) g`,
    [tenantId, channelId, n],
  );
  // 60 % closed, 20 % with the bot, 10 % waiting, 10 % held by an agent; a third of the open ones in a team.
  await client.query(
    `INSERT INTO conversations (tenant_id, channel_id, contact_id, status, assignee_id, team_id, last_message_at, last_inbound_at, unread_count, created_at)
     SELECT $1, $2, c.id, s.status,
       CASE WHEN s.status = 'human' OR (s.status = 'closed' AND c.n % 3 = 0) THEN ($3::uuid[])[1 + c.n % array_length($3::uuid[], 1)] END,
       CASE WHEN c.n % 3 = 0 THEN ($4::uuid[])[1 + c.n % array_length($4::uuid[], 1)] END,
       t.at, t.at - interval '1 minute', CASE WHEN s.status IN ('waiting', 'human') THEN c.n % 4 ELSE 0 END, t.at - interval '10 minutes'
     FROM (SELECT id, row_number() OVER (ORDER BY external_id) AS n FROM contacts WHERE tenant_id = $1) c
     CROSS JOIN LATERAL (SELECT CASE WHEN c.n % 10 < 6 THEN 'closed' WHEN c.n % 10 < 8 THEN 'bot' WHEN c.n % 10 = 8 THEN 'waiting' ELSE 'human' END AS status) s
     CROSS JOIN LATERAL (SELECT ${SPREAD} + (c.n * interval '0 second') AS at) t`,
    [tenantId, channelId, agents, teams],
  );
  await client.query(
    `INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, author, type, text, status, created_at, author_user_id)
     SELECT $1, cv.id, cv.channel_id, m.direction, m.author, 'text', m.text, m.status, cv.last_message_at - m.ago, m.author_user_id
     FROM conversations cv
     CROSS JOIN LATERAL (VALUES
       ('in', 'contact', (ARRAY['oi, quero saber o preço','meu pedido não chegou','vocês entregam no sábado?','quero cancelar','qual o horário de vocês?'])[1 + abs(hashtext(cv.id::text)) % 5] || ' #' || abs(hashtext(cv.id::text)) % 100000, 'received', interval '2 minutes', NULL::uuid),
       ('out', 'bot', 'Olá! Como posso ajudar?', 'read', interval '1 minute', NULL::uuid),
       ('out', CASE WHEN cv.assignee_id IS NULL THEN 'contact' ELSE 'agent' END,
         CASE WHEN cv.assignee_id IS NULL THEN 'obrigado' ELSE 'Já verifiquei o seu pedido, chega amanhã' END,
         CASE WHEN cv.assignee_id IS NULL THEN 'received' ELSE 'delivered' END, interval '0 minutes', cv.assignee_id)
     ) AS m(direction, author, text, status, ago, author_user_id)
     WHERE cv.tenant_id = $1`,
    [tenantId],
  );
  // The third message of an unowned conversation is the customer's: it came in.
  await client.query("UPDATE messages SET direction = 'in' WHERE tenant_id = $1 AND author = 'contact' AND direction = 'out'", [tenantId]);
}

async function createAgents(client: pg.Client, tenantId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const u = await client.query("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x') RETURNING id", [`agent${i}-${tenantId}@bench.test`, `Agent ${i}`]);
    await client.query("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'agent')", [tenantId, u.rows[0].id]);
    ids.push(u.rows[0].id);
  }
  return ids;
}

async function createTeams(client: pg.Client, tenantId: string): Promise<string[]> {
  const res = await client.query("INSERT INTO teams (tenant_id, name) SELECT $1, n FROM unnest(ARRAY['Vendas','Suporte','Financeiro']) n RETURNING id", [tenantId]);
  return res.rows.map((r) => r.id as string);
}

/** Seeds `n` conversations in the bench workspace (whose owner is `ownerId`) and a smaller neighbour workspace. */
export async function seedInbox(databaseUrl: string, ws: { tenantId: string; channelId: string; ownerId: string }, n: number): Promise<SeedResult> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const agents = [ws.ownerId, ...(await createAgents(client, ws.tenantId, 5))];
    const teams = await createTeams(client, ws.tenantId);
    await seedTenant(client, ws.tenantId, ws.channelId, n, agents, teams);
    const neighbour = await client.query("INSERT INTO tenants (name) VALUES ('Vizinho') RETURNING id");
    const nid = neighbour.rows[0].id as string;
    const nch = await client.query("INSERT INTO channels (tenant_id, type, name) VALUES ($1, 'webchat', 'Site') RETURNING id", [nid]);
    await seedTenant(client, nid, nch.rows[0].id, Math.round(n / 5), await createAgents(client, nid, 2), await createTeams(client, nid));
    // A workspace that grew over months has been vacuumed; a fresh bulk load has not (visibility map).
    for (const table of ['contacts', 'conversations', 'messages']) await client.query(`VACUUM ANALYZE ${table}`);
    const counts = await client.query('SELECT (SELECT count(*) FROM conversations WHERE tenant_id = $1)::int AS c, (SELECT count(*) FROM messages WHERE tenant_id = $1)::int AS m', [ws.tenantId]);
    return { conversations: counts.rows[0].c, messages: counts.rows[0].m, teamId: teams[0]!, agentIds: agents, seconds: Math.round((Date.now() - started) / 100) / 10 };
  } finally {
    await client.end();
  }
}

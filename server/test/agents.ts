// A second (third…) member of a test workspace, signed in: either added to the database directly and
// logged in through the API, or invited and accepting the invitation through the API.
import pg from 'pg';
import { expect } from 'vitest';
import { hashPassword } from '../src/accounts/passwords';
import type { Role } from '../src/http/access';
import { api } from './harness';

let seq = 0;

export async function addAgent(app: { url: string; config: { DATABASE_URL: string } }, tenantId: string, name: string): Promise<{ id: string; token: string; name: string }> {
  return addMember(app, tenantId, name, 'agent');
}

/** A signed-in member with the given role; the first tests of each role predate invitations. */
export async function addMember(
  app: { url: string; config: { DATABASE_URL: string } }, tenantId: string, name: string, role: Role,
): Promise<{ id: string; token: string; name: string; email: string }> {
  const db = new pg.Client({ connectionString: app.config.DATABASE_URL });
  await db.connect();
  try {
    const email = `${name.toLowerCase().replace(/\W/g, '')}${Date.now()}${seq++}@example.com`;
    const user = await db.query('INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [email, name, await hashPassword('senha-forte-9')]);
    await db.query('INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)', [tenantId, user.rows[0].id, role]);
    const login = await api(app, 'POST', '/v1/auth/login', { email, password: 'senha-forte-9' });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    return { id: user.rows[0].id, token: login.body.token, name, email };
  } finally {
    await db.end();
  }
}

let invited = 0;
/** A member invited by `inviterToken` with `role` who accepted the invitation: their email, invitation and session. */
export async function inviteMember(app: { url: string }, inviterToken: string, role: Role) {
  const email = `${role}${Date.now()}${invited++}@example.com`;
  const inv = await api(app, 'POST', '/v1/invitations', { email, role }, inviterToken);
  expect(inv.status).toBe(201);
  const token = new URL(inv.body.url).searchParams.get('token');
  const session = await api(app, 'POST', '/v1/auth/accept-invitation', { token, name: 'Bia', password: 'senha-nova-123' });
  expect(session.status).toBe(200);
  return { email, inv: inv.body, ...session.body } as { email: string; inv: any; token: string; refreshToken: string; user: { id: string }; role: string };
}

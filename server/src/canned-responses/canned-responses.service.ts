// Canned responses: saved answers agents insert with /shortcut. Their text may hold
// {{contact.name}}, {{contact.phone}} and {{agent.name}}, which the composer fills in before sending.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { isUniqueViolation } from '../db/pg-errors';
import { AppError, notFound } from '../http/app-error';
import * as q from './canned-responses.queries';
import type { UpdateCanned } from './canned-responses.schemas';
import { withRoomFor } from '../limits/workspace-caps';

const view = (r: q.CannedRow) => ({ id: r.id, shortcut: r.shortcut, text: r.text, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString() });

const shortcutTaken = (shortcut: string | undefined) => (err: unknown): never => {
  if (isUniqueViolation(err)) throw new AppError('conflict', `The shortcut /${shortcut} is already used`);
  throw err;
};

export async function listCanned(db: Knex, tenantId: string, query: string | undefined) {
  return { items: (await q.listCanned(forTenant(db, tenantId), query || undefined)).map(view) };
}

export async function createCanned(db: Knex, actor: { tenantId: string; userId: string }, input: { shortcut: string; text: string }) {
  const row = await withRoomFor(forTenant(db, actor.tenantId), 'cannedResponses', (tx) => q.insertCanned(tx, { ...input, created_by: actor.userId }))
    .catch(shortcutTaken(input.shortcut));
  return view(row);
}

export async function getCanned(db: Knex, tenantId: string, id: string) {
  const row = await q.findCanned(forTenant(db, tenantId), id);
  if (!row) throw notFound('Canned response');
  return view(row);
}

export async function updateCanned(db: Knex, tenantId: string, id: string, input: UpdateCanned) {
  const row = await q.updateCanned(forTenant(db, tenantId), id, input).catch(shortcutTaken(input.shortcut));
  if (!row) throw notFound('Canned response');
  return view(row);
}

export async function deleteCanned(db: Knex, tenantId: string, id: string) {
  if (!(await q.deleteCanned(forTenant(db, tenantId), id))) throw notFound('Canned response');
}

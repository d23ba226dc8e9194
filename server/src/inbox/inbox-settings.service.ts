// GET/PUT /v1/settings/inbox: automatic assignment and what happens when nobody picks a chat up.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import { readInboxSettings, writeInboxSettings } from './inbox-settings.queries';
import { storedSettings, type InboxSettings } from './inbox-settings.schemas';

export const getInboxSettings = async (db: Knex | Knex.Transaction, tenantId: string): Promise<InboxSettings> =>
  storedSettings(await readInboxSettings(db, tenantId));

/** Fields left out keep their value. */
export async function putInboxSettings(db: Knex, tenantId: string, patch: Partial<InboxSettings>): Promise<InboxSettings> {
  const input = { ...(await getInboxSettings(db, tenantId)), ...patch };
  // A timeout with nothing to do would look set up while customers hear nothing.
  if (input.noAgentTimeoutMinutes !== null && !input.noAgentMessage && !input.noAgentFlowId) {
    throw new AppError('validation_failed', 'When nobody takes a chat in time, something must happen: set noAgentMessage, noAgentFlowId, or both', { field: 'noAgentMessage', reason: 'nothing_to_do' });
  }
  if (input.noAgentFlowId) {
    const flow = await forTenant(db, tenantId).from('flows').where({ id: input.noAgentFlowId }).whereNotNull('published_version_id').whereNull('deleted_at').first('id');
    if (!flow) throw new AppError('validation_failed', 'noAgentFlowId must name a published flow of this workspace');
  }
  await writeInboxSettings(db, tenantId, input);
  return getInboxSettings(db, tenantId);
}

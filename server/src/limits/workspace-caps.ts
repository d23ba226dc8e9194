// How many of each thing one workspace may keep. Every workspace is untrusted, and each of these
// multiplies work the platform does for all of them: every event is written and delivered once per
// webhook endpoint (the delivery queue is shared), every channel is synced and checked by shared
// workers, the flows list reads every draft's keywords, and an invitation sends an email. The caps
// sit far above what a business uses; a refusal names the cap and says to delete something first.
import type { Knex } from 'knex';
import { MANAGED_CHANNEL_SQL } from '../channels/channels.queries';
import type { TenantDb } from '../db/tenant-db';
import { AppError } from '../http/app-error';

type Cap = { max: number; noun: string; rows: (tx: TenantDb) => Knex.QueryBuilder };

export const WORKSPACE_CAPS = {
  webhookEndpoints: { max: 20, noun: 'webhook endpoints', rows: (tx) => tx.from('webhooks') },
  apiKeys: { max: 50, noun: 'active API keys', rows: (tx) => tx.from('api_keys').whereNull('revoked_at') },
  // The builder's simulator channel is the product's own, not one the workspace made.
  channels: { max: 100, noun: 'channels', rows: (tx) => tx.from('channels').whereRaw(MANAGED_CHANNEL_SQL) },
  flows: { max: 500, noun: 'flows', rows: (tx) => tx.from('flows').whereNull('deleted_at') },
  teams: { max: 100, noun: 'teams', rows: (tx) => tx.from('teams') },
  // The inbox's "/" picker and the settings list read at most 200.
  cannedResponses: { max: 200, noun: 'canned responses', rows: (tx) => tx.from('canned_responses') },
  contactFilters: { max: 100, noun: 'saved filters', rows: (tx) => tx.from('contact_filters') },
  pendingInvitations: {
    max: 100, noun: 'pending invitations',
    rows: (tx) => tx.from('invitations').whereNull('accepted_at').whereNull('revoked_at').where('expires_at', '>', tx.raw('now()')),
  },
} satisfies Record<string, Cap>;

export type CapKind = keyof typeof WORKSPACE_CAPS;

/**
 * Refuses (409 `limit_reached`) when the workspace already keeps the most `kind` it may. Call it
 * inside the transaction that creates the row: creations of one kind in one workspace wait for
 * each other there, so two at once cannot both take the last place.
 */
export async function assertRoomFor(tx: TenantDb, kind: CapKind): Promise<void> {
  await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`cap:${kind}:${tx.tenantId}`]);
  await refuseAtCap(tx, kind);
}

/**
 * The same refusal without the lock, for work that comes before the creating transaction and that
 * a workspace at its cap must not get for nothing (a call to the provider it names, for one).
 * Only a first answer: the creating transaction's assertRoomFor still decides a race.
 */
export const precheckRoomFor = (tdb: TenantDb, kind: CapKind): Promise<void> => refuseAtCap(tdb, kind);

async function refuseAtCap(tx: TenantDb, kind: CapKind): Promise<void> {
  const cap: Cap = WORKSPACE_CAPS[kind];
  const [{ n }] = (await cap.rows(tx).count({ n: '*' })) as Array<{ n: string | number }>;
  if (Number(n) >= cap.max) {
    throw new AppError('limit_reached', `This workspace already keeps ${cap.max} ${cap.noun}, the most it can: delete one it no longer uses first`, { resource: kind, limit: cap.max });
  }
}

/** `create` in one transaction, after making sure the workspace has room for one more `kind`. */
export const withRoomFor = <T>(tdb: TenantDb, kind: CapKind, create: (tx: TenantDb) => Promise<T>): Promise<T> =>
  tdb.transaction(async (tx) => {
    await assertRoomFor(tx, kind);
    return create(tx);
  });

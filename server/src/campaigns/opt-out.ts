// 131050: the person stopped marketing messages from this business in WhatsApp. Their contact is
// opted out (once, recorded as coming from this error), so no later campaign sends to them, and
// contact.opted_out tells the workspace. The one opt-out rule lives in contacts/consent.ts.
// The opt-out is written in the same transaction that marks the message failed (the status's own,
// or a restarted sender's reconciliation), so a process killed in between cannot lose it.
import type { Knex } from 'knex';
import { contactOfConversation, recordConsent } from '../contacts/consent';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';

export const MARKETING_STOPPED = '131050';

/** A failure error code (or stored "<code>: <details>") that means the person stopped marketing. */
export const isMarketingStop = (code: string | null | undefined) => Boolean(code) && String(code).split(':')[0]!.trim() === MARKETING_STOPPED;

/** Inside the caller's transaction: the conversation's contact is opted out; true when that changed something. */
export async function optOutOnMarketingStop(tx: TenantDb, conversationId: string): Promise<boolean> {
  const contactId = await contactOfConversation(tx, conversationId);
  if (!contactId) return false;
  const events = await recordConsent(tx, contactId, { optedOut: true, via: 'whatsapp_131050', at: new Date(), conversationId });
  await publishEvents(tx, events);
  return events.length > 0;
}

export async function optOutByMessage(db: Knex, tenantId: string, messageId: string): Promise<boolean> {
  return forTenant(db, tenantId).transaction(async (tx) => {
    const message = await tx.from('messages').where({ id: messageId }).first('conversation_id');
    return message ? optOutOnMarketingStop(tx, message.conversation_id) : false;
  });
}

// Where a test send stands: the test is stored and queued when "Send test" answers, and WhatsApp
// accepts, delivers or refuses it afterwards. The marketer's screen follows it here (marketers do not
// read the inbox's conversation routes), and a refusal is worded as a recipient's failure would be.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { notFound } from '../http/app-error';
import * as q from './campaigns.queries';
import { assertCanManage, type Auth } from './campaigns.service';
import { reasonOfMessageError, reasonText } from './recipient-reasons';

export async function testSendStatus(db: Knex, auth: Auth, id: string, messageId: string) {
  assertCanManage(auth);
  const tdb = forTenant(db, auth.tenantId);
  const c = await q.findCampaign(tdb, id);
  if (!c) throw notFound('Campaign');
  // Only the campaign's own channel's outgoing templates: not a window into any conversation.
  const m = await tdb.from('messages').where({ id: messageId, channel_id: c.channel_id, direction: 'out', type: 'template' }).first('id', 'status', 'error');
  if (!m) throw notFound('Message');
  const reason = m.status === 'failed' ? reasonOfMessageError(m.error ?? 'send_failed') : null;
  return { messageId: m.id as string, status: m.status as string, reason, reasonText: reasonText(reason) };
}

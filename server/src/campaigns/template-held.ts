// 132015 in a failed status: WhatsApp held a paced template's message for a quality check and then
// dropped it (reference/whatsapp-templates.md §3–4: "hold campaign"). The campaigns sending that
// template on the channel pause as they do when a send meets 132015, and the recipient whose message
// was dropped goes back in line with a new message id, so resuming sends it (the dropped message
// stays in the conversation as failed). A campaign already over keeps the recipient as failed.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { pauseForTemplate } from './campaigns.service';

/** How many campaigns were paused. */
export async function holdForDroppedSend(db: Knex, tenantId: string, messageId: string): Promise<number> {
  const tdb = forTenant(db, tenantId);
  const message = await tdb.from('messages').where({ id: messageId }).first('channel_id', 'payload');
  const template = message?.payload?.template as { name?: unknown; language?: unknown } | undefined;
  if (typeof template?.name !== 'string' || typeof template.language !== 'string') return 0;
  const paused = await pauseForTemplate(db, { tenantId, channelId: message.channel_id, name: template.name, language: template.language, reason: 'template_paused' });
  await tdb.raw(
    `UPDATE campaign_recipients r SET status = 'pending', message_id = NULL, sent_at = NULL, reason = NULL, next_attempt_at = NULL, lease_until = NULL
     FROM campaigns c WHERE r.tenant_id = :tenant AND r.message_id = :message AND r.status = 'sent'
       AND c.id = r.campaign_id AND c.tenant_id = r.tenant_id AND c.status = 'paused'`,
    { tenant: tenantId, message: messageId },
  );
  return paused;
}

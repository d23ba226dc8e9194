// When a person closes a chat they held, the customer is asked to rate the service (Settings → Inbox,
// off by default). Once per close: the close locks the conversation and a retried close finds it
// closed already. Only while the customer can still be written to (WhatsApp's 24-hour window; web
// chat and WhatsApp Web have none), never to a contact who opted out, and never after a chat only
// the bot had. The question is a stored message the outbox sends, as every message is.
import { randomUUID } from 'node:crypto';
import { customerLocale } from '../channels/customer-locale';
import { hasServiceWindow, isWindowOpen, windowClosesAt } from '../conversations/service-window';
import type { TenantDb } from '../db/tenant-db';
import type { ConversationState } from './inbox.queries';
import { surveyContent } from './survey-content';

/** Stores the survey message and its survey row; returns the message id, or null when none is due. */
export async function queueSurvey(tx: TenantDb, conv: ConversationState, enabled: boolean, now: Date): Promise<string | null> {
  if (!enabled || conv.status !== 'human') return null;
  if (hasServiceWindow(conv.channel_type) && !isWindowOpen(windowClosesAt(conv.channel_type, conv.last_inbound_at, conv.created_at), now)) return null;
  const target = await tx.from('contacts').join('channels', 'channels.id', 'contacts.channel_id')
    .where('contacts.id', conv.contact_id).first('contacts.opted_out_at', 'channels.config');
  if (!target || target.opted_out_at) return null;
  // Named before it is stored: its buttons carry its id, so a late tap answers this survey and no later one.
  const surveyId = randomUUID();
  const content = surveyContent({ conversationId: conv.id, surveyId }, customerLocale(target.config));
  const [message] = await tx.insert('messages', {
    conversation_id: conv.id, channel_id: conv.channel_id, direction: 'out', author: 'system', type: 'interactive',
    text: content.text, payload: JSON.stringify(content), status: 'pending',
  }).returning('id');
  await tx.insert('satisfaction_surveys', { id: surveyId, conversation_id: conv.id, agent_id: conv.assignee_id, message_id: message.id, sent_at: now });
  return message.id as string;
}

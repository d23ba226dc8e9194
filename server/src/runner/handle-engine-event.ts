// Results of the runner's own actions (a timer fired, the LLM answered or failed) come back as
// inbound events of the conversation, so they are ordered with the customer's messages.
import type { InternalPayload } from '../messages/internal-events';
import { findActiveSession, findContact, findConversation } from './conversation.queries';
import { runStep } from './apply-step';
import { stepContact } from './step-contact';
import type { EventHandler } from './runner-context';


export const handleEngineEvent: EventHandler = async (ctx, row) => {
  const { conversationId, event } = row.payload as InternalPayload;
  const conv = await findConversation(ctx.tx, conversationId);
  if (!conv || conv.status !== 'bot') return 'done';
  const session = await findActiveSession(ctx.tx, conversationId);
  if (!session) return 'done';
  const version = await ctx.deps.versions.get(ctx.tx, session.flow_version_id);
  const contact = await findContact(ctx.tx, conv.contact_id);
  if (!version || !contact) return 'done';
  await runStep(ctx, {
    version,
    session,
    scope: {
      conversationId, conversationKey: row.conversation_key, channelId: row.channel_id, contactId: contact.id,
      recipient: { externalId: contact.external_id, phone: contact.phone }, simulated: conv.test_flow_version_id !== null,
    },
    contact: stepContact(contact),
  }, event);
  return 'done';
};

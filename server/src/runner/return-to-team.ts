// A chat people handled, closed, then reopened by a customer message no flow answers: it goes back
// to its team's queue (as a transfer would) instead of sitting with a bot that says nothing.
import { publishEvents } from '../events/publish';
import { openHandoff } from '../inbox/handoffs.queries';
import type { ConversationRow } from './conversation.queries';
import type { DrainContext } from './runner-context';

export async function returnToTeam(ctx: DrainContext, conv: ConversationRow): Promise<void> {
  await ctx.tx.from('conversations').where({ id: conv.id, status: 'bot' })
    .update({ status: 'waiting', assignee_id: null, transferred_at: ctx.now, updated_at: ctx.now });
  // The customer's new wait, but no new transfer: the bot never had it back (the reports count transfers).
  await openHandoff(ctx.tx, conv.id, ctx.now, 'reopened');
  await publishEvents(ctx.tx, [{
    type: 'conversation.transferred',
    payload: { conversationId: conv.id, contactId: conv.contact_id, channelId: conv.channel_id, team: conv.team_id ?? null, nodeId: null, flowId: null, versionId: null, reason: 'reopened' },
  }]);
}

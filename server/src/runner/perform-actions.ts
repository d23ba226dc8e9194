// Executes the engine's actions. Database effects join the drain's transaction; queue effects are
// recorded for after commit. One executor per action type, checked by the compiler.
import type { OutboundContent } from '@zyntra/flows-schema';
import type { Action } from '../engine/actions';
import { publishEvents } from '../events/publish';
import type { EventType } from '../events/event-types';
import { openHandoff } from '../inbox/handoffs.queries';
import { insertMessages } from '../messages/message.queries';
import { recordConsent } from '../contacts/consent';
import { setContactAttribute } from '../contacts/attribute-names.queries';
import { templateComponents, unfittedTemplate, viewOf, withParameterNames, withShownTemplate } from '../templates/shown-template';
import type { DrainContext } from './runner-context';
import { startEffect, startStepEffect, type EffectScope } from './effects';

export type ActionScope = {
  conversationId: string; conversationKey: string; channelId: string; contactId: string; sessionId: string | null;
  recipient: { externalId: string; phone: string | null };
  /** A builder's test chat: it runs the flow for real, but tells no one outside the builder. */
  simulated: boolean;
};

type Executor<A extends Action> = (ctx: DrainContext, scope: ActionScope, action: A) => Promise<void>;
type Executors = { [T in Action['type']]: Executor<Extract<Action, { type: T }>> };

const effectScope = (ctx: DrainContext, scope: ActionScope): EffectScope => ({
  tenantId: ctx.tx.tenantId, channelId: scope.channelId, conversationKey: scope.conversationKey, conversationId: scope.conversationId,
});

const messageType = (c: OutboundContent) => (c.template ? 'template' : c.buttons.length || c.list ? 'interactive' : c.media ? c.media.kind : 'text');

export const executors = {
  send_message: async (ctx, scope, a) => {
    // A flow's template step: stored with the header, footer and buttons the channel's template shows.
    const components = a.content.template ? await templateComponents(ctx.tx, scope.channelId, a.content.template) : null;
    const payload = withShownTemplate(withParameterNames(components, a.content), viewOf(components, a.content));
    // A version published before its template changed (or before steps took button values) would be
    // refused by WhatsApp (132000): the message fails here, and WhatsApp is not asked.
    const unfitted = unfittedTemplate(components, a.content);
    const [row] = await insertMessages(ctx.tx, [
      {
        conversation_id: scope.conversationId, channel_id: scope.channelId, direction: 'out', author: 'bot', type: messageType(a.content),
        text: a.content.text, payload, status: unfitted.length ? 'failed' : 'pending', flow_session_id: scope.sessionId, node_id: a.nodeId,
        ...(unfitted.length ? { error: `template_parameters: ${unfitted.join('; ')}` } : {}),
      },
    ]);
    if (unfitted.length) {
      if (row) await publishEvents(ctx.tx, [{ type: 'message.failed', payload: { messageId: row.id, conversationId: scope.conversationId, code: 'template_parameters', reason: unfitted.join('; ') } }]);
      return;
    }
    const send = ctx.post.sends.get(scope.conversationId) ?? {
      tenantId: ctx.tx.tenantId, conversationId: scope.conversationId, channelId: scope.channelId, recipient: scope.recipient, messages: [], claimed: [],
    };
    if (row) send.messages.push({ id: row.id, payload: a.content });
    ctx.post.sends.set(scope.conversationId, send);
  },
  call_llm: async (ctx, scope, a) => {
    ctx.post.effects.push(startEffect('llm', effectScope(ctx, scope), a));
  },
  start_effect: async (ctx, scope, a) => {
    ctx.post.effects.push(startStepEffect(effectScope(ctx, scope), a));
  },
  schedule_timer: async (ctx, scope, a) => {
    ctx.post.effects.push(startEffect('timer', effectScope(ctx, scope), a));
  },
  cancel_timer: async (ctx, _scope, a) => {
    ctx.post.cancelTimers.push(a.token);
  },
  handoff_to_human: async (ctx, scope, a) => {
    // config.team holds a team id; an old flow's free text (or a deleted team) leaves it teamless.
    const teamId = ctx.tx.raw('(SELECT id FROM teams WHERE tenant_id = ? AND id::text = ?)', [ctx.tx.tenantId, a.team ?? '']);
    await ctx.tx.from('conversations').where({ id: scope.conversationId })
      .update({ status: 'waiting', team: a.team, team_id: teamId, assignee_id: null, transferred_at: ctx.now, updated_at: ctx.now });
    // A test chat stops at the hand-over: no wait for the response-time report.
    if (!scope.simulated) await openHandoff(ctx.tx, scope.conversationId, ctx.now);
  },
  add_tags: async (ctx, scope, a) => {
    const [row] = await ctx.tx
      .from('contacts')
      .where({ id: scope.contactId })
      .update({ tags: ctx.tx.raw('ARRAY(SELECT DISTINCT unnest(tags || ?::text[]))', [a.tags]) })
      .returning('tags');
    await publishEvents(ctx.tx, [{ type: 'contact.updated', payload: { contactId: scope.contactId, conversationId: scope.conversationId, tags: row?.tags ?? [] } }]);
  },
  remove_tags: async (ctx, scope, a) => {
    const [row] = await ctx.tx.from('contacts').where({ id: scope.contactId })
      .update({ tags: ctx.tx.raw('ARRAY(SELECT t FROM unnest(tags) AS t WHERE NOT t = ANY(?::text[]))', [a.tags]) }).returning('tags');
    await publishEvents(ctx.tx, [{ type: 'contact.updated', payload: { contactId: scope.contactId, conversationId: scope.conversationId, tags: row?.tags ?? [] } }]);
  },
  set_attribute: async (ctx, scope, a) => {
    // "cidade" set by a flow fills the workspace's "Cidade", as an import or the API would.
    const name = await setContactAttribute(ctx.tx, { contactId: scope.contactId, name: a.key, value: a.value, record: !scope.simulated });
    await publishEvents(ctx.tx, [{ type: 'contact.updated', payload: { contactId: scope.contactId, conversationId: scope.conversationId, attributes: { [name]: a.value } } }]);
  },
  set_opt_out: async (ctx, scope, a) => {
    await publishEvents(ctx.tx, await recordConsent(ctx.tx, scope.contactId, { optedOut: a.optedOut, via: 'flow', at: ctx.now, conversationId: scope.conversationId }));
  },
  emit_event: async (ctx, scope, a) => {
    // A test chat's transfer or end is not news for agents' alerts, automatic assignment or integrators.
    if (scope.simulated) return;
    const payload: Record<string, unknown> = { ...a.payload, conversationId: scope.conversationId, contactId: scope.contactId };
    // A transfer names the team the conversation went to (the hand-over above resolved it), not the
    // step's setting: that team may have been deleted since, or be an old flow's free text.
    if (a.name === 'conversation.transferred') {
      const conv = await ctx.tx.from('conversations').where({ id: scope.conversationId }).first('team_id', 'channel_id');
      Object.assign(payload, { team: conv?.team_id ?? null, channelId: conv?.channel_id ?? null });
    }
    await publishEvents(ctx.tx, [{ type: a.name as EventType, payload }]);
  },
} satisfies Executors;

export async function performActions(ctx: DrainContext, scope: ActionScope, actions: Action[]): Promise<void> {
  for (const action of actions) {
    const run = executors[action.type] as Executor<Action>;
    await run(ctx, scope, action);
  }
}

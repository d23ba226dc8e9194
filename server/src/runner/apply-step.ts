// Runs one engine step for a conversation and writes its outcome in the drain's transaction:
// session state, run log, and the actions' effects.
import type { EngineEvent } from '../engine/events';
import { step, type FlowVersionRef } from '../engine/interpret';
import type { SessionState } from '../engine/session';
import type { Action } from '../engine/actions';
import type { StepContact } from '../engine/context';
import { saveSession, type SessionRow, type Wake } from './conversation.queries';
import { performActions, type ActionScope } from './perform-actions';
import type { DrainContext } from './runner-context';
import { randomUUID } from 'node:crypto';
import { effectOf, isEffectKind } from './effects';
import { engineSteps } from '../metrics/metrics';
import { customerLocale } from '../channels/customer-locale';

export type StepTarget = {
  version: FlowVersionRef;
  session: SessionRow | null;
  scope: Omit<ActionScope, 'sessionId'>;
  contact: StepContact;
};

/** When the session expects the answer of an async effect (timer, LLM…), so a lost job can be recovered. */
function wakeOf(state: SessionState, actions: Action[], now: Date, previous: Wake): Wake {
  const token = state.status === 'active' ? state.cursor?.token : null;
  if (!token) return null;
  for (const a of actions) {
    const effect = effectOf(a);
    if (effect && effect.token === token) return { at: new Date(now.getTime() + effect.waitMs), token, kind: effect.kind };
  }
  return previous?.token === token ? previous : null;
}

/**
 * The channel's customers' language, read only when the step may need it: the bot words something
 * itself (a wait step's default re-ask) only on a reply to a session already waiting.
 */
async function customerLanguageFor(ctx: DrainContext, target: StepTarget, event: EngineEvent) {
  if (event.type !== 'message_received' || !target.session) return undefined;
  const channel = await ctx.tx.from('channels').where({ id: target.scope.channelId }).first('config');
  return customerLocale(channel?.config);
}

export async function runStep(ctx: DrainContext, target: StepTarget, event: EngineEvent): Promise<SessionState | null> {
  const { version, session } = target;
  const result = step(version, (session?.state as SessionState | undefined) ?? null, event, {
    now: ctx.now.toISOString(),
    newId: randomUUID,
    limits: { maxSteps: ctx.deps.maxSteps, maxDeferred: ctx.deps.maxDeferred },
    contact: target.contact,
    customerLanguage: await customerLanguageFor(ctx, target, event),
  });
  for (const l of result.log) engineSteps.inc({ outcome: l.outcome });
  if (!result.session) return null; // a late timer or LLM answer for a conversation with no session
  const previous: Wake =
    session?.wake_at && session.wake_token && isEffectKind(session.wake_kind) ? { at: session.wake_at, token: session.wake_token, kind: session.wake_kind } : null;
  const timeoutMinutes = version.document.settings.sessionTimeoutMinutes;
  const sessionId = await saveSession(ctx.tx, {
    id: session?.id ?? null,
    conversationId: target.scope.conversationId,
    flowId: version.flowId,
    versionId: version.versionId,
    state: result.session,
    ended: result.session.status === 'ended',
    expiresAt: new Date(ctx.now.getTime() + timeoutMinutes * 60_000),
    wake: wakeOf(result.session, result.actions, ctx.now, previous),
  }, result.log.map((l) => ({ at: l.at, node_id: l.nodeId, node_type: l.nodeType, outcome: l.outcome, error: l.error ?? null })));
  await performActions(ctx, { ...target.scope, sessionId }, result.actions);
  return result.session;
}

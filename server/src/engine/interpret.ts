// The flow interpreter: one call per conversation event, in order. Pure: the returned session,
// actions and run log are everything that happened; the runner persists and performs them.
import { normalizeText } from '@zyntra/flows-schema';
import type { Action } from './actions';
import type { StepContext } from './context';
import type { EffectFailed, EffectResult, EngineEvent, LlmFailed, LlmResult, MessageReceived, TimerFired } from './events';
import type { FlowVersionRef } from './flow-index';
import { normalizedSet } from './normalized-once';
import { cancelPendingTimer, cursorNode, endSession, ENDED, freshSession, openRun, record, type Run } from './run';
import type { RunLogEntry, SessionState } from './session';
import { drainDeferred, resumeAt, startAtTrigger } from './walk';

export type { FlowVersionRef } from './flow-index';

export type StepResult<S extends SessionState | null = SessionState> = {
  session: S;
  actions: Action[];
  log: RunLogEntry[];
};

function finish(run: Run): StepResult {
  return { session: run.session, actions: run.actions, log: run.log };
}

function matchesAny(text: string, keywords: readonly string[]): boolean {
  const said = normalizeText(text);
  // A keyword that normalizes to '' would otherwise match every caption-less media message.
  return said !== '' && normalizedSet(keywords).has(said);
}

function start(version: FlowVersionRef, message: MessageReceived, ctx: StepContext): StepResult {
  const run = openRun(version, freshSession(version, message.text), ctx);
  startAtTrigger(run);
  return finish(run);
}

function restart(run: Run, message: MessageReceived): void {
  record(run, cursorNode(run), 'restarted');
  cancelPendingTimer(run);
  // Starting over means a clean slate: answers and queued messages belong to the abandoned run.
  run.session = freshSession(run.version, message.text);
  startAtTrigger(run);
}

function onMessage(run: Run, message: MessageReceived): void {
  const { settings } = run.version.document;
  // Exit is checked first: if a word is listed as both, leaving is the less surprising reading.
  if (matchesAny(message.text, settings.exitKeywords)) {
    record(run, cursorNode(run), 'exited');
    endSession(run, ENDED.exitKeyword);
    return;
  }
  if (matchesAny(message.text, settings.restartKeywords)) return restart(run, message);
  const cursor = run.session.cursor;
  if (cursor === null) throw new Error('an active session has no cursor');
  run.session.lastReply = message.text;
  if (cursor.waitingFor === 'reply') {
    resumeAt(run, message);
    drainDeferred(run);
    return;
  }
  // The bot is busy (delay, LLM call): queue the message behind it instead of losing it. The queue
  // is stored with the session on every event, so it is capped: a flood keeps its first messages
  // (what the customer said first is answered first) and the rest are only logged. The messages
  // themselves are still in the conversation for agents; only the bot's answer to them is skipped.
  if (run.session.deferred.length >= run.ctx.limits.maxDeferred) {
    record(run, cursorNode(run), 'deferred_dropped');
    return;
  }
  run.session.deferred.push(message);
  record(run, cursorNode(run), 'deferred');
}

type ResultEvent = TimerFired | LlmResult | LlmFailed | EffectResult | EffectFailed;
type Cursor = NonNullable<Run['session']['cursor']>;

/**
 * The answers of a step's async effects: when each one counts for the wait at the cursor, and what
 * it settles. A timer only counts while one is pending for this wait; an LLM answer only while one
 * is awaited.
 */
const RESULTS = {
  timer_fired: { expected: (c) => c.timerPending === true, settle: (c) => void (c.timerPending = false) },
  llm_result: { expected: (c) => c.waitingFor === 'llm', settle: () => {} },
  llm_failed: { expected: (c) => c.waitingFor === 'llm', settle: () => {} },
  // Any step effect: counts only while the cursor waits for an effect of the same kind (and token, below).
  effect_result: { expected: (c, e) => c.waitingFor === 'effect' && c.effect === e.kind, settle: () => {} },
  effect_failed: { expected: (c, e) => c.waitingFor === 'effect' && c.effect === e.kind, settle: () => {} },
} satisfies { [T in ResultEvent['type']]: { expected(c: Cursor, e: Extract<ResultEvent, { type: T }>): boolean; settle(c: Cursor): void } };

function onResult(run: Run, event: ResultEvent): void {
  const cursor = run.session.cursor;
  if (cursor === null) throw new Error('an active session has no cursor');
  const result = RESULTS[event.type] as { expected(c: Cursor, e: ResultEvent): boolean; settle(c: Cursor): void };
  if (!result.expected(cursor, event) || event.token !== cursor.token) {
    // E.g. the customer answered before the timeout fired: that timer belongs to a wait already left.
    record(run, null, 'stale_event');
    return;
  }
  result.settle(cursor);
  resumeAt(run, event);
  drainDeferred(run);
}

/**
 * Advances one conversation by one event. A message with no active session starts `version` at
 * its trigger (the runner chose it with matchTrigger); any other event without one is a no-op,
 * which is why the last overload may return a null session.
 */
export function step(
  version: FlowVersionRef,
  session: SessionState | null,
  event: MessageReceived,
  ctx: StepContext,
): StepResult;
export function step(version: FlowVersionRef, session: SessionState, event: EngineEvent, ctx: StepContext): StepResult;
export function step(
  version: FlowVersionRef,
  session: SessionState | null,
  event: EngineEvent,
  ctx: StepContext,
): StepResult<SessionState | null>;
export function step(
  version: FlowVersionRef,
  session: SessionState | null,
  event: EngineEvent,
  ctx: StepContext,
): StepResult<SessionState | null> {
  const active = session !== null && session.status === 'active';
  if (!active && event.type === 'message_received') return start(version, event, ctx);
  if (!active) return { session, actions: [], log: [] };
  const run = openRun(version, session, ctx);
  if (event.type === 'message_received') onMessage(run, event);
  else if (event.type === 'send_failed') record(run, null, 'send_failed', `${event.messageId}: ${event.reason}`);
  else onResult(run, event);
  return finish(run);
}

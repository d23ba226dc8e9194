// The async effects of a step: work a step starts that answers later, as an inbound event of its
// conversation (a timer firing, an LLM answering, an HTTP call). The drain, the post-commit runner,
// the sweeper and the effects worker only walk these maps.
//
// A step's own effect is ONE entry in STEP_EFFECTS: its handler emits start_effect with that kind
// and parks with waitingFor 'effect'; after the drain commits the job goes to the `effects` queue,
// whose worker calls the entry's perform() and stores its outcome as an effect_result or
// effect_failed inbound event (kind 'effect'), which resumes the step. The session's wake (kind,
// token, waitMs from the action) lets the sweeper feed effect_failed when the job was lost.
// The timer and the LLM call predate it and keep their own actions, events and queues (EFFECTS).
import type { Action, StartEffect } from '../engine/actions';
import type { EngineEvent } from '../engine/events';
import { effectAnswered, insertInternalEvent, type InternalKind } from '../messages/internal-events';
import type { Queues } from '../queues/queues';
import { QUEUES, type AiJob, type StepEffectJob, type TimerJob } from '../queues/queue-names';
import { httpEffect } from './http-effect';
import type { StepEffect, StepEffectDeps } from './step-effect';

/** The effects of steps, by the kind their handler names in start_effect. */
export const STEP_EFFECTS = {
  http: httpEffect,
} satisfies Record<string, StepEffect>;
export type StepEffectKind = keyof typeof STEP_EFFECTS;

const BUILTIN_KINDS = ['timer', 'llm'] as const;
type BuiltinKind = (typeof BUILTIN_KINDS)[number];
export type EffectKind = BuiltinKind | StepEffectKind;

type StartAction = { timer: Extract<Action, { type: 'schedule_timer' }>; llm: Extract<Action, { type: 'call_llm' }> };
type EffectJob = { timer: TimerJob & { delayMs: number }; llm: AiJob };

/** Where an effect's answer goes: the conversation it belongs to. */
export type EffectScope = { tenantId: string; channelId: string; conversationKey: string; conversationId: string };

export type Effect<K extends BuiltinKind> = {
  action: StartAction[K]['type'];
  job(scope: EffectScope, action: StartAction[K]): EffectJob[K];
  enqueue(queues: Queues, job: EffectJob[K]): Promise<void>;
  /** How long after the step the session gives up waiting and the sweeper treats the job as lost. */
  waitMs(action: StartAction[K]): number;
  /** The event stored in its place when the job was lost, so the flow moves on. */
  lost(token: string): { kind: InternalKind; event: EngineEvent };
};

/** An LLM call may take its own timeout; after that and this grace its job is taken as lost. */
const LLM_GRACE_MS = 30_000;

export const EFFECTS = {
  timer: {
    action: 'schedule_timer',
    job: (scope, a) => ({ ...scope, token: a.token, delayMs: a.delayMs }),
    enqueue: async (queues, { delayMs, ...job }) => {
      // Timers of one workspace ending together wait behind the other workspaces' (fair-share.ts).
      const [priority] = await queues.share(QUEUES.timers, job.tenantId, 1);
      await queues.timers.add('timer', job, { delay: delayMs, jobId: job.token, priority });
    },
    waitMs: (a) => a.delayMs,
    lost: (token) => ({ kind: 'timer', event: { type: 'timer_fired', token } }),
  },
  llm: {
    action: 'call_llm',
    job: (scope, a) => ({ ...scope, token: a.token, request: a.request }),
    enqueue: async (queues, job) => {
      await queues.ai.add('llm', job, { jobId: job.token, attempts: 1 });
    },
    waitMs: (a) => a.request.timeoutSeconds * 1000 + LLM_GRACE_MS,
    lost: (token) => ({ kind: 'llm_failed', event: { type: 'llm_failed', token, reason: 'the AI call was lost' } }),
  },
} satisfies { [K in BuiltinKind]: Effect<K> } & Record<BuiltinKind, unknown>;

/** A started effect waiting for the drain to commit. */
export type PendingEffect = { [K in BuiltinKind]: { kind: K; job: EffectJob[K] } }[BuiltinKind] | { kind: 'step'; job: StepEffectJob };

const isBuiltinKind = (kind: string): kind is BuiltinKind => (BUILTIN_KINDS as readonly string[]).includes(kind);
export const isStepEffectKind = (kind: string): kind is StepEffectKind => Object.hasOwn(STEP_EFFECTS, kind);
export const isEffectKind = (kind: string | null | undefined): kind is EffectKind => kind != null && (isBuiltinKind(kind) || isStepEffectKind(kind));

/** The effect an engine action starts, if it starts one. */
export function effectOf(action: Action): { kind: EffectKind; token: string; waitMs: number } | null {
  if (action.type === 'start_effect') return isStepEffectKind(action.kind) ? { kind: action.kind, token: action.token, waitMs: action.waitMs } : null;
  for (const kind of BUILTIN_KINDS) {
    const effect = EFFECTS[kind] as Effect<BuiltinKind>;
    if (effect.action === action.type) return { kind, token: (action as StartAction[BuiltinKind]).token, waitMs: effect.waitMs(action as never) };
  }
  return null;
}

/** What the sweeper stores in place of a lost job's answer, so the flow moves on. */
export function lostEvent(kind: EffectKind, token: string): { kind: InternalKind; event: EngineEvent } {
  if (isBuiltinKind(kind)) return EFFECTS[kind].lost(token);
  return { kind: 'effect', event: { type: 'effect_failed', kind, token, reason: STEP_EFFECTS[kind].lostReason } };
}

export function startEffect<K extends BuiltinKind>(kind: K, scope: EffectScope, action: StartAction[K]): PendingEffect {
  return { kind, job: (EFFECTS[kind] as unknown as Effect<K>).job(scope, action) } as PendingEffect;
}

export function startStepEffect(scope: EffectScope, action: StartEffect): PendingEffect {
  if (!isStepEffectKind(action.kind)) throw new Error(`no effect of kind ${action.kind} (node ${action.nodeId})`);
  return { kind: 'step', job: { ...scope, kind: action.kind, token: action.token, nodeId: action.nodeId, request: action.request } };
}

export async function enqueueEffect(queues: Queues, pending: PendingEffect): Promise<void> {
  if (pending.kind === 'step') {
    const { attempts = 1 } = STEP_EFFECTS[pending.job.kind as StepEffectKind] as StepEffect;
    await queues.effects.add(pending.job.kind, pending.job, { jobId: pending.job.token, attempts });
    return;
  }
  await (EFFECTS[pending.kind] as Effect<BuiltinKind>).enqueue(queues, pending.job as never);
}

/** The effects worker's job: performs it and stores its answer. True when a new event was stored (the caller enqueues the drain). */
export async function performStepEffect(deps: StepEffectDeps, job: StepEffectJob): Promise<boolean> {
  // A kind this version does not know (queued by a newer one): the job fails and the sweeper recovers the wait.
  if (!isStepEffectKind(job.kind)) throw new Error(`no effect of kind ${job.kind}`);
  if (await effectAnswered(deps.db, job)) return false;
  const outcome = await (STEP_EFFECTS[job.kind] as StepEffect).perform(job, deps);
  const base = { kind: job.kind, token: job.token };
  const event: EngineEvent = outcome.ok
    ? { type: 'effect_result', ...base, data: outcome.data }
    : { type: 'effect_failed', ...base, reason: outcome.reason, ...(outcome.code ? { code: outcome.code } : {}) };
  return insertInternalEvent(deps.db, {
    tenantId: job.tenantId, channelId: job.channelId, conversationKey: job.conversationKey, conversationId: job.conversationId, kind: 'effect', token: job.token, event,
  });
}

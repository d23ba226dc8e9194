// The async effects of a step: work a step starts that answers later, as an inbound event of its
// conversation (a timer firing, an LLM answering). One entry per kind says which engine action
// starts it, the queue job that performs it (added after the drain commits), how long the session
// waits for its answer, and what the sweeper feeds back when the job was lost. The drain, the
// post-commit runner and the sweeper only walk this map. A new kind is one entry here plus its
// action, result events and worker (docs/adding-a-step.md lists the lines).
import type { Action } from '../engine/actions';
import type { EngineEvent } from '../engine/events';
import type { InternalKind } from '../messages/internal-events';
import type { Queues } from '../queues/queues';
import type { AiJob, HttpJob, TimerJob } from '../queues/queue-names';

export const EFFECT_KINDS = ['timer', 'llm', 'http'] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

type StartAction = { timer: Extract<Action, { type: 'schedule_timer' }>; llm: Extract<Action, { type: 'call_llm' }>; http: Extract<Action, { type: 'call_http' }> };
type EffectJob = { timer: TimerJob & { delayMs: number }; llm: AiJob; http: HttpJob };

/** Where an effect's answer goes: the conversation it belongs to. */
export type EffectScope = { tenantId: string; channelId: string; conversationKey: string; conversationId: string };

export type Effect<K extends EffectKind> = {
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
/** An HTTP call's job is taken as lost this long after its own timeout. */
const HTTP_GRACE_MS = 30_000;

export const EFFECTS = {
  timer: {
    action: 'schedule_timer',
    job: (scope, a) => ({ ...scope, token: a.token, delayMs: a.delayMs }),
    enqueue: async (queues, { delayMs, ...job }) => {
      await queues.timers.add('timer', job, { delay: delayMs, jobId: job.token });
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
  http: {
    action: 'call_http',
    job: (scope, a) => ({ ...scope, token: a.token, nodeId: a.nodeId, request: a.request }),
    // One attempt: the call may not be idempotent (a POST creating an order) and the flow has an error output.
    enqueue: async (queues, job) => {
      await queues.http.add('http', job, { jobId: job.token, attempts: 1 });
    },
    waitMs: (a) => a.request.timeoutMs + HTTP_GRACE_MS,
    lost: (token) => ({ kind: 'http_failed', event: { type: 'http_failed', token, reason: 'the HTTP call was lost' } }),
  },
} satisfies { [K in EffectKind]: Effect<K> } & Record<EffectKind, unknown>;

/** A started effect waiting for the drain to commit. */
export type PendingEffect = { [K in EffectKind]: { kind: K; job: EffectJob[K] } }[EffectKind];

export const isEffectKind = (kind: string | null | undefined): kind is EffectKind => (EFFECT_KINDS as readonly string[]).includes(kind ?? '');

/** The effect an engine action starts, if it starts one. */
export function effectOf(action: Action): { kind: EffectKind; token: string; waitMs: number } | null {
  for (const kind of EFFECT_KINDS) {
    const effect = EFFECTS[kind] as Effect<EffectKind>;
    if (effect.action === action.type) return { kind, token: (action as StartAction[EffectKind]).token, waitMs: effect.waitMs(action as never) };
  }
  return null;
}

export function startEffect<K extends EffectKind>(kind: K, scope: EffectScope, action: StartAction[K]): PendingEffect {
  return { kind, job: (EFFECTS[kind] as unknown as Effect<K>).job(scope, action) } as PendingEffect;
}

export async function enqueueEffect(queues: Queues, pending: PendingEffect): Promise<void> {
  await (EFFECTS[pending.kind] as Effect<EffectKind>).enqueue(queues, pending.job as never);
}

// What one kind of step effect gives the runner: how to perform it. Its entry in STEP_EFFECTS
// (effects.ts) is all the runner needs; the queue, the worker, the wait, the lost event and the
// result events are the same for every kind.
import type { Knex } from 'knex';
import type { Outbound } from '../net';
import type { StepEffectJob } from '../queues/queue-names';
import type { Sealer } from '../security/seal';

/** What a performer may use: the database (tenant-scoped with forTenant), the workspace's outbound HTTP and the opener of stored credentials. */
export type StepEffectDeps = { db: Knex; http: Outbound; sealer: Pick<Sealer, 'open'> };

/**
 * `data` becomes the effect_result event's data (stored with the conversation's events); `reason` the
 * effect_failed one's, with `code`, a stable name of the cause the step may record as its outcome.
 */
export type StepEffectOutcome = { ok: true; data: unknown } | { ok: false; reason: string; code?: string };

export type StepEffect = {
  /** Performs the job once its drain committed. Expected failures are an outcome; a throw loses the job (the sweeper then feeds `lostReason`). */
  perform(job: StepEffectJob, deps: StepEffectDeps): Promise<StepEffectOutcome>;
  /** Attempts of the job; defaults to 1 (a call may not be idempotent; the step has an error output). */
  attempts?: number;
  /** The effect_failed reason stored when the job was lost. */
  lostReason: string;
};

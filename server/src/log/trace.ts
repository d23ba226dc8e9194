// One trace id from a webhook to the send it caused: held in async context for the request or job
// being handled, written into every log line by the logger, and carried inside inbound and send
// jobs so the worker that picks them up continues the same trace.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const store = new AsyncLocalStorage<string>();
const VALID = /^[\w-]{1,64}$/;

export const currentTraceId = (): string | undefined => store.getStore();

/** Runs `fn` under `traceId` (a fresh one when absent or not a plain id). */
export function withTrace<T>(traceId: unknown, fn: () => T): T {
  return store.run(typeof traceId === 'string' && VALID.test(traceId) ? traceId : randomUUID(), fn);
}

/** The job fields that carry the current trace into a queue job. */
export const traceFields = (): { traceId?: string } => {
  const traceId = currentTraceId();
  return traceId ? { traceId } : {};
};

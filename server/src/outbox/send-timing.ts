// How long a reply's send may take, and the lease its claim holds, derived from it: the lease
// outlasts the longest send (the typing delay waited out before the call, then the call's own
// deadline) with room for the provider's "sent" status (which names our message id) to settle a
// send whose answer was lost, so a slow send is never claimed and sent a second time while it is
// still under way; and it is short enough that a dead worker's message goes out again soon.

export type SendTiming = {
  /** The longest typing delay a sender waits out before a provider call. */
  maxTypingMs: number;
  /** Every provider call ends by then, whatever the adapter's own timeout (PROVIDER_TIMEOUT_MS). */
  deadlineMs: number;
  /** How long after the deadline a lost answer's status may still arrive. */
  statusWaitMs: number;
};

export const SEND_TIMING: SendTiming = { maxTypingMs: 10_000, deadlineMs: 30_000, statusWaitMs: 10_000 };

/** A claimed message's lease; a batch renews it before each of its messages. */
export const sendLeaseMs = (t: SendTiming) => t.maxTypingMs + t.deadlineMs + t.statusWaitMs;

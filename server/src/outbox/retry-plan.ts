// When a send that failed for a passing reason (rate limit 130429, 5xx, timeouts) is tried again.
// WhatsApp asks for retries with backoff (reference/channels.md §1.7); its rate limits and outages
// last minutes, so the attempts span about seven minutes before the message is marked failed: with
// eight, as before, they gave up after about one, and a bot reply was lost to a one-minute outage.

/** Attempts in all, the first included: 0.5 s doubling up to a minute, then every minute. */
export const MAX_ATTEMPTS = 14;
const FIRST_MS = 500;
const CAP_MS = 60_000;

/** Null: give up (the message fails). Else wait this long; the provider's Retry-After wins. */
export function nextRetryInMs(attempts: number, retryAfterMs?: number, jitter = 0.8 + Math.random() * 0.4): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return retryAfterMs ?? Math.min(CAP_MS, FIRST_MS * 2 ** (attempts - 1)) * jitter;
}

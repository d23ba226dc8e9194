// Errors that say nothing about the work being done: the database or Redis was busy or away for a
// moment. Retrying the same work later is right; counting them as the work's own failure is not.

/** PostgreSQL SQLSTATEs worth a retry: deadlock, serialization, lock wait, shutdown, too many connections. */
const TRANSIENT_SQLSTATES = new Set(['40P01', '40001', '55P03', '57P01', '57P02', '57P03', '53300', '53400']);
const TRANSIENT_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);
const TRANSIENT_MESSAGES = [
  /Knex: Timeout acquiring a connection/i, // the pool was exhausted
  /Connection terminated/i,
  /Connection is closed/i, // ioredis
  /Reached the max retries per request limit/i, // ioredis
  /queue add timed out/i,
];

export function isTransient(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || TRANSIENT_SOCKET_CODES.has(code)) return true;
  if (e.name === 'KnexTimeoutError' || e.name === 'MaxRetriesPerRequestError') return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return TRANSIENT_MESSAGES.some((re) => re.test(message));
}

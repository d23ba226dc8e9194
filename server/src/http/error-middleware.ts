import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError, type core } from 'zod';
import { APP_ERROR_STATUS, AppError, type AppErrorCode } from './app-error';
import { isStatementTimeout, isUnstorableText } from '../db/pg-errors';
import { issueViews } from './validation-issues';

/** The AppError codes of the statuses the body parsers answer: a body too large, a charset or compression they do not read. */
const PARSER_CODES: Partial<Record<number, AppErrorCode>> = { 413: 'payload_too_large', 415: 'unsupported_media_type' };

/** The one place where error codes become HTTP statuses. Unknown errors are logged, never echoed. */
export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof ZodError) {
    res.status(400).json({
      error: {
        code: 'validation_failed',
        message: unreadBody(req, err.issues) ?? 'The request is not valid',
        issues: issueViews(err.issues),
      },
    });
    return;
  }
  if (err instanceof AppError) {
    const retryAfter = err.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
    const body: Record<string, unknown> = { error: { code: err.code, message: err.message, ...err.details } };
    // The contract shows an invalid flow as {error, problems}: keep the list beside the error too.
    if ((err.code === 'flow_invalid' || err.code === 'flow_too_large') && err.details?.problems) {
      body.problems = err.details.problems;
    }
    res.status(APP_ERROR_STATUS[err.code]).json(body);
    return;
  }
  if (isUnstorableText(err)) {
    // A character PostgreSQL cannot store (NUL) that came in some way text-guard.ts does not see.
    req.log?.warn({ err }, 'unstorable text refused');
    res.status(400).json({ error: { code: 'validation_failed', message: 'The request holds text that cannot be stored' } });
    return;
  }
  if (isStatementTimeout(err)) {
    // DATABASE_STATEMENT_TIMEOUT_MS cut a query short: say so instead of a bare 500, and log what ran.
    req.log?.warn({ err, path: req.path }, 'statement timeout');
    res.status(503).json({
      error: { code: 'query_timeout', message: 'This request took too long to answer. Narrow it (a shorter period, a more specific search) and try again', requestId: req.id },
    });
    return;
  }
  // express.json() and friends raise errors carrying a 4xx status (bad JSON, body too large).
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status < 500) {
    res.status(status).json({ error: { code: PARSER_CODES[status] ?? 'bad_request', message: String(err.message) } });
    return;
  }
  req.log?.error({ err }, 'unhandled error');
  res.status(500).json({ error: { code: 'internal', message: 'Something went wrong', requestId: req.id } });
};

/**
 * Why a route that reads a JSON body got none, when that is the whole problem. express.json() reads
 * only JSON: a form (what `curl -d` sends unless told otherwise) or plain text leaves the body unread,
 * and the schema's "expected object, received undefined" would not say that the header is at fault.
 */
function unreadBody(req: Request, issues: readonly core.$ZodIssue[]): string | null {
  if (req.body !== undefined || !issues.some((i) => i.path.length === 0 && i.code === 'invalid_type')) return null;
  const sent = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  const type = req.headers['content-type']?.split(';')[0]!.trim().toLowerCase();
  if (!sent) return 'The request has no body: send a JSON object with Content-Type: application/json';
  if (!type) return 'The body has no Content-Type: send it as JSON with Content-Type: application/json';
  return `The body was sent as ${type.slice(0, 100)}, which this route does not read: send it as JSON with Content-Type: application/json`;
}

export const notFoundMiddleware: RequestHandler = (req, res) => {
  // req.path is relative to the mount point (/v1 is cut off there); the original URL is what was asked.
  const path = req.originalUrl.split('?')[0]!.slice(0, 200);
  res.status(404).json({ error: { code: 'not_found', message: `No route for ${req.method} ${path}` } });
};

// Bull Board at /admin/queues for the platform operator: every queue, every workspace's jobs.
// So never for workspace owners: it is off unless OPERATOR_TOKEN is set, and then asks for that
// token as the password of HTTP Basic auth (any user name), which a browser prompts for.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Queues } from '../queues/queues';
import { QUEUES } from '../queues/queue-names';

export const QUEUE_BOARD_PATH = '/admin/queues';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The password of a Basic authorization header, or null. */
function basicPassword(header: string | undefined): string | null {
  const m = /^Basic ([A-Za-z0-9+/=]{1,1024})$/.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

export function queueBoardRoutes(opts: { queues: Queues; operatorToken?: string }): Router {
  const r = Router();
  if (!opts.operatorToken) return r;
  const token = opts.operatorToken;
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: Object.values(QUEUES).map((name) => new BullMQAdapter(opts.queues[name])), serverAdapter: adapter });
  const operatorOnly = (req: Request, res: Response, next: NextFunction) => {
    const given = basicPassword(req.headers.authorization);
    if (given === null || !sameSecret(given, token)) {
      res.status(401).set('www-authenticate', 'Basic realm="Zyntra operator", charset="UTF-8"').json({ error: { code: 'unauthorized', message: 'The operator token is required' } });
      return;
    }
    // The board's own page needs inline styles and scripts; only here, behind the operator token.
    res.set('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:");
    next();
  };
  r.use(QUEUE_BOARD_PATH, operatorOnly, adapter.getRouter() as Router);
  return r;
}

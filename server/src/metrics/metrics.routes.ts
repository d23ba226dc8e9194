// GET /metrics for Prometheus. With METRICS_TOKEN set, only a scraper sending it as a bearer token
// gets an answer; without it the endpoint is open (bind the app to a private network then).
import { allow } from '../http/access';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { httpDuration, registry } from './metrics';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Whether a scrape may read the metrics: always without a token, else only with it as a bearer token. */
export function mayScrape(authorization: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  return sameSecret(given, token);
}

export function metricsRoutes(opts: { token?: string }): Router {
  const r = Router();
  r.get('/metrics', allow('public'), async (req, res) => {
    if (opts.token) {
      if (!mayScrape(req.headers.authorization, opts.token)) {
        res.status(401).json({ error: { code: 'unauthorized', message: 'A valid metrics token is required' } });
        return;
      }
    }
    res.set('content-type', registry.contentType).send(await registry.metrics());
  });
  return r;
}

/** Times every request by its route pattern (never the raw URL: ids would explode the series). */
export function httpMetrics() {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.on('finish', () => {
      const elapsed = performance.now() - started;
      const pattern = req.route?.path as string | undefined;
      const route = pattern ? `${req.baseUrl}${pattern}` : res.statusCode === 404 ? 'not_found' : 'other';
      httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, elapsed);
    });
    next();
  };
}

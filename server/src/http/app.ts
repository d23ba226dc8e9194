// The express application: security headers, request ids and logs, JSON bodies, module routers,
// the built client, then the one error middleware.
import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../log/logger';
import { allow } from './access';
import { errorMiddleware, notFoundMiddleware } from './error-middleware';
import { methodNotAllowed } from './method-not-allowed';
import { crossOriginResources, securityHeaders, type SecurityHeadersConfig } from './security-headers';
import { httpMetrics } from '../metrics/metrics.routes';
import { withTrace } from '../log/trace';
import { refuseDeepJson } from './json-depth';
import { refuseUnstorableJson, refuseUrlNul } from './text-guard';

/** A request slower than this is logged even when it succeeded. */
const SLOW_REQUEST_MS = 1_000;
const startedAt = new WeakMap<object, number>();

/** Loaded by tenants' own sites: the widget script and the visitor API it calls. */
const CROSS_ORIGIN_PATHS = ['/widget.js', '/v1/webchat'];

export function createApp(opts: { log: Logger; routers: Router[]; headers: SecurityHeadersConfig; clientDistDir?: string; trustProxy?: string | number }) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? 'loopback');
  app.use(securityHeaders(opts.headers), crossOriginResources(CROSS_ORIGIN_PATHS));
  app.use((req, _res, next) => {
    startedAt.set(req, performance.now());
    next();
  });
  app.use(httpMetrics());
  app.use(
    pinoHttp({
      logger: opts.log,
      // Quiet by default: one short line per request only for server errors and slow requests;
      // everything else at debug. No headers, cookies or bodies in the line.
      customLogLevel: (req, res, err) => {
        if (err || res.statusCode >= 500) return 'error';
        if (performance.now() - (startedAt.get(req) ?? performance.now()) > SLOW_REQUEST_MS) return 'warn';
        return 'debug';
      },
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    }),
  );
  // The request id is the trace id of everything this request logs and queues.
  app.use((req, _res, next) => withTrace(req.id, next));
  const verify = (req: unknown, res: unknown, body: Buffer) => {
    refuseUnstorableJson(req, res, body);
    refuseDeepJson(req, res, body);
  };
  app.use(refuseUrlNul, express.json({ limit: '2mb', verify }));
  for (const router of opts.routers) app.use(router);
  app.use(methodNotAllowed(opts.routers));
  app.use('/v1', notFoundMiddleware);
  if (opts.clientDistDir && existsSync(join(opts.clientDistDir, 'index.html'))) serveClient(app, opts.clientDistDir);
  app.use(notFoundMiddleware);
  app.use(errorMiddleware);
  return app;
}

function serveClient(app: express.Express, dir: string) {
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  // Single-page app: every other GET renders index.html and the client router takes over.
  app.get('/{*path}', allow('public'), (req, res, next) => {
    // An API path with a doubled slash (a base URL ending in "/") gets the API's JSON 404, not the page.
    if (/^\/{2,}v1(\/|$)/.test(req.path)) return next();
    res.sendFile(join(dir, 'index.html'), { headers: { 'cache-control': 'no-cache' } });
  });
}

// A worker process serves no API, but Prometheus must still reach its queue, job, engine and send
// series: with ROLE=worker the process answers GET /metrics (and GET /health) on HOST:PORT, with
// the same METRICS_TOKEN rule as the API. A port already taken is a warning, never a failed start.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger';
import { registry } from './metrics';
import { mayScrape } from './metrics.routes';

export async function startWorkerMetricsServer(opts: { host: string; port: number; token?: string; log: Logger }): Promise<{ url: string; close(): Promise<void> } | null> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    if (req.method !== 'GET' || path !== '/metrics') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"Only /metrics and /health are served here"}}');
    if (!mayScrape(req.headers.authorization, opts.token)) {
      return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":"unauthorized","message":"A valid metrics token is required"}}');
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (err) => {
      opts.log.warn({ err: err.message, port: opts.port }, 'worker metrics not served: the port is not available');
      resolve(false);
    });
    server.listen(opts.port, opts.host, () => resolve(true));
  });
  if (!listening) return null;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

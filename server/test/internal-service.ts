// A stand-in for a service on the platform's own network (an admin API, a metadata endpoint): it
// records every request it gets, so a test can prove that tenant-controlled URLs never reach it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type InternalRequest = { method: string; url: string; headers: IncomingMessage['headers']; body: string; remoteAddress: string };
export type InternalBehaviour = (req: IncomingMessage, res: ServerResponse) => void;

export type InternalService = {
  port: number;
  host: string;
  requests: InternalRequest[];
  /** Counts TCP connections, even ones that never sent a request. */
  connections: () => number;
  behave(b: InternalBehaviour): void;
  close(): Promise<void>;
};

export const SECRET_TEXT = 'internal-admin-password=hunter2';

/** The default: the kind of error text an internal service gives away. */
export const leakyError: InternalBehaviour = (_req, res) => {
  res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `db failed: ${SECRET_TEXT}` } }));
};

/** Listens on every loopback spelling at once by default ('::' is dual-stack: ::1, 127.0.0.1, 0.0.0.0). */
export async function startInternalService(host = '::'): Promise<InternalService> {
  const requests: InternalRequest[] = [];
  let behaviour: InternalBehaviour = leakyError;
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), remoteAddress: req.socket.remoteAddress! });
      behaviour(req, res);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    host,
    requests,
    connections: () => connections,
    behave: (b) => void (behaviour = b),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The spellings of a loopback or unspecified address an attacker tries, for a service on `port`. */
export const loopbackSpellings = (port: number) => [
  `http://127.0.0.1:${port}`,
  `http://localhost:${port}`,
  `http://2130706433:${port}`,
  `http://0x7f.1:${port}`,
  `http://017700000001:${port}`,
  `http://127.1:${port}`,
  `http://[::ffff:127.0.0.1]:${port}`,
  `http://[::1]:${port}`,
  `http://0.0.0.0:${port}`,
];

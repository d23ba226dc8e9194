// The bare baseline: the least work any correct system does per message (PERFORMANCE.md):
// ingest = node:http + HMAC over raw bytes + one INSERT + one BullMQ add → 200;
// worker = BEGIN; SELECT conversation FOR UPDATE; INSERT outbound; UPDATE conversation; COMMIT;
// then POST the reply to the provider over a keep-alive agent; 50 jobs at once on a pool of 10
// (shared/PERFORMANCE.md's reference). Run as `tsx bench/bare-pipeline.ts ingest|worker`.
import { Agent, createServer, request } from 'node:http';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { verifyWhatsAppSignature } from '../server/src/channels/whatsapp/whatsapp.signature';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is required`); })();
const pool = new pg.Pool({ connectionString: env('DATABASE_URL'), max: 10 });
const connection = new Redis(env('REDIS_URL'), { maxRetriesPerRequest: null });
const prefix = 'bare';

async function ingest() {
  const queue = new Queue('bare', { connection, prefix });
  const secret = env('APP_SECRET');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      if (!verifyWhatsAppSignature(raw, req.headers['x-hub-signature-256'] as string, secret)) return res.writeHead(401).end();
      const body = JSON.parse(raw.toString('utf8'));
      const message = body.entry[0].changes[0].value.messages[0];
      try {
        const { rows } = await pool.query('INSERT INTO bare_events (payload) VALUES ($1) RETURNING id', [message]);
        await queue.add('m', { id: rows[0].id, from: message.from, text: message.text?.body ?? '' }, { removeOnComplete: true });
        res.writeHead(200).end('{}');
      } catch {
        res.writeHead(500).end();
      }
    });
  });
  // Longer than the load generator's idle sockets live, as behind a load balancer: no reset races.
  server.keepAliveTimeout = 65_000;
  server.listen(Number(env('PORT')), '127.0.0.1');
}

function worker() {
  const graph = `${env('GRAPH_URL')}/v23.0/${env('PHONE_NUMBER_ID')}/messages`;
  const token = env('ACCESS_TOKEN');
  new Worker('bare', async (job) => {
    const { from, text } = job.data as { from: string; text: string };
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // A contact's first message creates its conversation; every later one runs the reference statements only.
      // (the insert-or-lock is one statement: an upsert locks the row it finds).
      const locked = await client.query('SELECT id FROM bare_conversations WHERE id = $1 FOR UPDATE', [from]);
      if (locked.rowCount === 0) {
        await client.query('INSERT INTO bare_conversations (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id', [from]);
      }
      await client.query('INSERT INTO bare_messages (conversation_id, text) VALUES ($1, $2)', [from, `Olá! ${text}`]);
      await client.query('UPDATE bare_conversations SET last_at = now(), messages = messages + 1 WHERE id = $1', [from]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await post(graph, token, JSON.stringify({ messaging_product: 'whatsapp', to: from, type: 'text', text: { body: 'Olá!' } }));
  }, { connection, prefix, concurrency: 50 });
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, token: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

if (process.argv[2] === 'ingest') void ingest();
else if (process.argv[2] === 'worker') worker();

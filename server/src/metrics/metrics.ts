// Prometheus metrics of this process (GET /metrics). One registry per process is prom-client's
// model: counters are bumped where things happen (requests, jobs, sends, engine steps), gauges
// that cost a query (queue depth) are read when scraped.
import client from 'prom-client';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'zyntra_' });

const ms = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000];

export const httpDuration = new client.Histogram({
  name: 'zyntra_http_request_duration_ms', help: 'HTTP request latency by route pattern', labelNames: ['method', 'route', 'status'] as const, buckets: ms, registers: [registry],
});
export const webhookAck = new client.Histogram({
  name: 'zyntra_webhook_ack_duration_ms', help: 'Time to acknowledge a provider webhook', labelNames: ['provider', 'status'] as const, buckets: ms, registers: [registry],
});
export const jobDuration = new client.Histogram({
  name: 'zyntra_job_duration_ms', help: 'Queue job latency, from enqueue to done', labelNames: ['queue', 'outcome'] as const, buckets: ms, registers: [registry],
});
export const engineSteps = new client.Counter({
  name: 'zyntra_engine_steps_total', help: 'Flow steps run by the engine, by outcome', labelNames: ['outcome'] as const, registers: [registry],
});
export const sends = new client.Counter({
  name: 'zyntra_sends_total', help: 'Provider sends by outcome and provider error code', labelNames: ['provider', 'outcome', 'code'] as const, registers: [registry],
});
export const realtimeConnections = new client.Gauge({
  name: 'zyntra_realtime_connections', help: 'Open realtime (socket) connections', registers: [registry],
});

type Depth = () => Promise<Array<{ queue: string; counts: Record<string, number> }>>;
let depthSource: Depth | null = null;
/** The api process reads queue depths from Redis when scraped. */
export function setQueueDepthSource(source: Depth) {
  depthSource = source;
}
new client.Gauge({
  name: 'zyntra_queue_jobs', help: 'Jobs per queue and state', labelNames: ['queue', 'state'] as const, registers: [registry],
  async collect() {
    this.reset();
    if (!depthSource) return;
    const rows = await depthSource().catch(() => []);
    for (const { queue, counts } of rows) for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
  },
});

// The only reader of process.env. Parsed once at startup; a bad value stops the process with one
// line naming the variable, instead of a stack trace minutes later.
import { z } from 'zod';
import { invalidAllowEntries } from '../net/allow-list';
import { DEFAULT_RETRY_SCHEDULE, parseRetrySchedule } from '../webhooks/retry-schedule';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');
const redisUrl = z
  .string()
  .url()
  .refine((v) => /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://');

/** Comma-separated host names, IPs and CIDR ranges; the first bad entry is named. */
const allowHosts = z
  .string()
  .transform((v) => v.split(',').map((e) => e.trim()).filter(Boolean))
  .refine((entries) => invalidAllowEntries(entries).length === 0, {
    error: (issue) => `has "${invalidAllowEntries(issue.input as string[])[0]}", which is not a host name, IP address or CIDR range`,
  });

const encryptionKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  // Which proxies may set X-Forwarded-For (express "trust proxy"): names/subnets, or a hop count.
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((v): string | number => (/^\d+$/.test(v) ? Number(v) : v)),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * PostgreSQL cancels any one statement running longer than this (0: never), so no request or job
   * holds a connection, and with it everyone else's turn, for as long as it likes. Migrations are exempt.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  // false: a separate migrations step runs `db:migrate`; processes wait until the schema is current.
  MIGRATE_ON_START: bool.default(true),
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('zyntra'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /**
   * A worker holds each job under a lock it renews every half of this; a job whose worker died
   * (its lock lapsed) is taken over at the next stalled check, also every this many seconds.
   */
  JOB_LOCK_SECONDS: z.coerce.number().int().min(5).max(600).default(30),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  ENCRYPTION_KEY: encryptionKey,
  // Keys that sealed stored secrets before a rotation: still accepted for reading, never for writing.
  ENCRYPTION_KEYS_PREVIOUS: z
    .string()
    .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(encryptionKey))
    .default([]),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  // Days operational rows (processed provider events, dispatched domain events, run logs, builder
  // test runs) are kept; 0 keeps them forever. Customer messages are never purged.
  RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  // Request budgets; each limit's window and Redis-outage behaviour is declared in http/rate-limits.ts.
  RATE_LIMIT_SIGNUP_PER_IP: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_INVITATION_ACCEPTS_PER_IP: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).default(100),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_REFRESH_PER_IP: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_REFRESH_PER_FAMILY: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_WEBCHAT_SESSIONS_PER_IP: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_WEBCHAT_SESSIONS_PER_CHANNEL: z.coerce.number().int().min(1).default(1000),
  RATE_LIMIT_WEBCHAT_MESSAGES_PER_IP: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_WEBCHAT_MESSAGES_PER_CHANNEL: z.coerce.number().int().min(1).default(3000),
  RATE_LIMIT_API_PER_WORKSPACE: z.coerce.number().int().min(1).default(3000),
  /**
   * API requests of one workspace running at once in one process; more wait their turn. Unset: half
   * of DATABASE_POOL_MAX, so one workspace's slow requests always leave connections for the others.
   */
  API_CONCURRENCY_PER_WORKSPACE: z.coerce.number().int().min(1).max(1000).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  // Where browsers and providers reach the store, when S3_ENDPOINT is an internal address: signed
  // media URLs name this origin (a reverse proxy must pass the Host header through unchanged).
  S3_PUBLIC_ENDPOINT: z
    .string()
    .url()
    .refine((v) => /^https?:\/\/[^/]+\/?$/.test(v), 'must be an origin such as https://zyntra.example.com (no path)')
    .optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().min(3).default('zyntra'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  CLIENT_DIST_DIR: z.string().optional(),
  WHATSAPP_GRAPH_BASE_URL: z.string().url().default('https://graph.facebook.com'),
  WHATSAPP_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/, 'must look like v23.0').default('v23.0'),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  OUTBOUND_ALLOW_HOSTS: allowHosts.default([]),
  FLOW_VERSION_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(64),
  PRESENCE_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default(DEFAULT_RETRY_SCHEDULE)
    .refine((v) => parseRetrySchedule(v) !== null, 'must be comma-separated durations such as 5s,5m,30m,2h')
    .transform((v) => parseRetrySchedule(v)!),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(15),
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().min(0.001).max(24 * 30).default(24),
  WEBHOOK_SECRET_OVERLAP_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
  /** When set, GET /metrics answers only a bearer of this token. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** The platform operator's password for the queue dashboard (/admin/queues); unset, the dashboard is off. */
  OPERATOR_TOKEN: z.string().min(16).optional(),
  /** Account emails (invitations, password resets) go through this SMTP server; unset, they are only logged. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://user:password@host:port or smtps://…').optional(),
  MAIL_FROM: z.string().min(3).default('Zyntra <no-reply@localhost>'),
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Every variable the server reads; the deployment files' test checks them against this list. */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as ReadonlyArray<keyof Config>;
/** The variables without a default: a deployment that does not set them cannot start. */
export const REQUIRED_CONFIG_VARIABLES = CONFIG_VARIABLES.filter((name) => !schema.shape[name].safeParse(undefined).success);

export class ConfigError extends Error {}

/** Parses an environment; throws ConfigError with a one-line message naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const problem = issue.code === 'invalid_type' && cleaned[name] === undefined ? 'is required' : issue.message;
    throw new ConfigError(`Invalid configuration: ${name} ${problem}`);
  }
  return Object.freeze(result.data);
}

/** Reads process.env once; on a bad value prints one line and exits 1. */
export function loadConfigOrExit(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

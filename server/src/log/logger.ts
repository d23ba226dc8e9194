import { pino, type Logger } from 'pino';
import type { Config } from '../config/env';
import { traceFields } from './trace';

export type { Logger };

/** Structured JSON logs. Secrets are redacted by key wherever they appear in a logged object. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'zyntra' },
      // The trace id of the request or job being handled, in every line.
      mixin: traceFields,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-hub-signature-256"]',
          'req.headers.apikey',
          '*.password',
          '*.accessToken',
          '*.appSecret',
          '*.apiKey',
          '*.token',
          '*.refreshToken',
          '*.secret',
        ],
        censor: '[redacted]',
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}

import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { currentTraceId, traceFields, withTrace } from './trace';

describe('trace ids', () => {
  it('when work runs under a trace, then every log line and every job it queues carries the id, across awaits', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
    const log = createLogger({ LOG_LEVEL: 'info' }, sink);
    await withTrace('wh-123', async () => {
      log.info('received');
      await new Promise((r) => setTimeout(r, 5));
      log.child({ queue: 'send' }).warn('sent');
      expect(traceFields()).toEqual({ traceId: 'wh-123' });
    });
    log.info('outside');
    expect(lines.map((l) => JSON.parse(l).traceId)).toEqual(['wh-123', 'wh-123', undefined]);
    expect(currentTraceId()).toBeUndefined();
  });

  it('when the given id is not a plain id, then a fresh one is used', () => {
    withTrace('bad id\n{"x":1}', () => expect(currentTraceId()).toMatch(/^[0-9a-f-]{36}$/));
    withTrace(undefined, () => expect(currentTraceId()).toMatch(/^[0-9a-f-]{36}$/));
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueView, issueViews } from './validation-issues';

const issueOf = (schema: z.ZodType, value: unknown) => issueView(schema.safeParse(value).error!.issues[0]!);

describe('issueView', () => {
  it('when a text is too long, then the issue names its code and the maximum', () => {
    expect(issueOf(z.object({ name: z.string().max(80) }), { name: 'x'.repeat(81) })).toMatchObject({ path: 'name', code: 'too_big', origin: 'string', maximum: 80 });
  });

  it('when a text is too short, then the issue names its code and the minimum', () => {
    expect(issueOf(z.object({ a: z.object({ b: z.string().min(8) }) }), { a: { b: 'x' } })).toMatchObject({ path: 'a.b', code: 'too_small', minimum: 8 });
  });

  it('when a format is wrong, then the issue names the format', () => {
    expect(issueOf(z.string().email(), 'nope')).toMatchObject({ code: 'invalid_format', format: 'email' });
  });

  it('when a value has the wrong type, then only path, message and code are reported', () => {
    expect(Object.keys(issueOf(z.object({ n: z.number() }), { n: 'x' })).sort()).toEqual(['code', 'message', 'path']);
  });
});

describe('issueView of a rule of our own', () => {
  it('when a refinement names a reason, then the issue carries it for clients to word; without one, nothing is added', () => {
    const hours = z.object({ start: z.string(), end: z.string() }).refine((w) => w.start !== w.end, { path: ['end'], message: 'same', params: { reason: 'same_start_end' } });
    expect(issueOf(hours, { start: '09:00', end: '09:00' })).toEqual({ path: 'end', message: 'same', code: 'custom', reason: 'same_start_end' });
    expect(issueOf(z.string().refine(() => false, 'no'), 'x')).toEqual({ path: '', message: 'no', code: 'custom' });
  });
});

describe('issueViews', () => {
  it('when a value has the wrong type, then only the type is said at its path, not the limits of the right one; other paths keep theirs', () => {
    const schema = z.object({ events: z.array(z.string()).min(1).max(2), name: z.string().max(3) });
    const views = issueViews(schema.safeParse({ events: 'message.sent', name: 'longer' }).error!.issues);
    expect(views.map((v) => [v.path, v.code])).toEqual([['events', 'invalid_type'], ['name', 'too_big']]);
  });
});

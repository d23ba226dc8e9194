import { describe, expect, it } from 'vitest';
import { EFFECTS, effectOf, enqueueEffect, isEffectKind, lostEvent, startEffect, startStepEffect } from './effects';
import type { Queues } from '../queues/queues';

const scope = { tenantId: 't', channelId: 'c', conversationKey: 'c:1', conversationId: 'conv' };
const request = { systemPrompt: '', model: 'm', temperature: 0, historyWindow: 5, maxTokens: 100, timeoutSeconds: 20 };

describe('effects registry', () => {
  it('when an action starts an async effect, then its kind, token and wait come from the registry', () => {
    expect(effectOf({ type: 'schedule_timer', nodeId: 'n', token: 'tk', delayMs: 5_000 })).toEqual({ kind: 'timer', token: 'tk', waitMs: 5_000 });
    expect(effectOf({ type: 'call_llm', nodeId: 'n', token: 'tk', request })).toEqual({ kind: 'llm', token: 'tk', waitMs: 50_000 });
    expect(effectOf({ type: 'start_effect', kind: 'http', nodeId: 'n', token: 'tk', request: {}, waitMs: 35_000 })).toEqual({ kind: 'http', token: 'tk', waitMs: 35_000 });
    expect(effectOf({ type: 'start_effect', kind: 'unknown', nodeId: 'n', token: 'tk', request: {}, waitMs: 1 })).toBeNull();
    expect(effectOf({ type: 'add_tags', tags: ['a'] })).toBeNull();
  });

  it('when an effect is lost, then the event fed back moves the flow on', () => {
    expect(EFFECTS.timer.lost('tk')).toEqual({ kind: 'timer', event: { type: 'timer_fired', token: 'tk' } });
    expect(EFFECTS.llm.lost('tk').event).toMatchObject({ type: 'llm_failed', token: 'tk' });
    expect(lostEvent('http', 'tk')).toEqual({ kind: 'effect', event: { type: 'effect_failed', kind: 'http', token: 'tk', reason: 'the HTTP call was lost' } });
    expect(['timer', 'llm', 'http'].every(isEffectKind)).toBe(true);
    expect(isEffectKind('http_v9')).toBe(false);
    expect(isEffectKind('toString')).toBe(false);
  });

  it('when effects are enqueued after commit, then each goes to its own queue with its token as job id, a timer at its workspace\'s share', async () => {
    const added: Array<[string, unknown, unknown]> = [];
    const queue = (q: string) => ({ add: async (_name: string, data: unknown, opts: unknown) => void added.push([q, data, opts]) });
    // The workspace's share of the timers queue: it has queued 60 timers in the window.
    const share = async (q: string, tenantId: string, n: number) => (q === 'timers' && tenantId === scope.tenantId && n === 1 ? [2] : []);
    const queues = { timers: queue('timers'), ai: queue('ai'), effects: queue('effects'), share } as unknown as Queues;
    await enqueueEffect(queues, startEffect('timer', scope, { type: 'schedule_timer', nodeId: 'n', token: 't1', delayMs: 900 }));
    await enqueueEffect(queues, startEffect('llm', scope, { type: 'call_llm', nodeId: 'n', token: 't2', request }));
    await enqueueEffect(queues, startStepEffect(scope, { type: 'start_effect', kind: 'http', nodeId: 'n', token: 't3', request: { url: 'u' }, waitMs: 1 }));
    expect(added).toEqual([
      ['timers', { ...scope, token: 't1' }, { delay: 900, jobId: 't1', priority: 2 }],
      ['ai', { ...scope, token: 't2', request }, { jobId: 't2', attempts: 1 }],
      ['effects', { ...scope, kind: 'http', token: 't3', nodeId: 'n', request: { url: 'u' } }, { jobId: 't3', attempts: 1 }],
    ]);
    expect(() => startStepEffect(scope, { type: 'start_effect', kind: 'unknown', nodeId: 'n', token: 't4', request: {}, waitMs: 1 })).toThrow(/no effect of kind/);
  });
});

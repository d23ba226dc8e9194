import { describe, expect, it } from 'vitest';
import type { NodeConfig } from '@zyntra/flows-schema';
import type { Cursor } from '../session';
import { msg, node, session, testContext } from '../testing/fixtures';
import { wait } from './wait';

type WaitConfig = NodeConfig<'wait'>;

function parkedAt(config: Partial<WaitConfig>, cursor: Partial<Cursor> = {}) {
  const n = node('wait', 'w', config);
  const s = session({ cursor: { nodeId: 'w', waitingFor: 'reply', token: 'tok', retries: 0, timerPending: false, ...cursor } });
  return { n, s };
}

function retryMessage(text: string) {
  return { type: 'send_message', nodeId: 'w', content: { text, buttons: [], list: null, media: null, typingDelayMs: 0 } };
}

describe('wait handler: enter', () => {
  it.each([
    ['a reply without timeout', { mode: 'reply' }, [], { waitingFor: 'reply', token: 'id-1' }],
    [
      'a reply with a timeout',
      { mode: 'reply', timeoutSeconds: 90 },
      [{ type: 'schedule_timer', nodeId: 'w', token: 'id-1', delayMs: 90_000 }],
      { waitingFor: 'reply', token: 'id-1', timerPending: true },
    ],
    [
      'a delay',
      { mode: 'delay', delaySeconds: 5 },
      [{ type: 'schedule_timer', nodeId: 'w', token: 'id-1', delayMs: 5000 }],
      { waitingFor: 'timer', token: 'id-1', timerPending: true },
    ],
  ] as const)('when waiting for %s, then it schedules what is needed and parks', (_case, config, actions, waitFor) => {
    expect(wait.enter(node('wait', 'w', config), session(), testContext())).toEqual({ actions, wait: waitFor });
  });
});

describe('wait handler: resume with a reply', () => {
  it.each([
    ['any', 'qualquer coisa'],
    ['text', 'Ana'],
    ['number', '1.234,56'],
    ['email', 'ana@example.com'],
    ['phone', '(11) 98765-4321'],
    ['option', 'PIX'],
  ] as const)('when expecting %s and %j arrives, then it saves it and moves on', (expect_, text) => {
    const { n, s } = parkedAt({ expect: expect_, options: ['Pix', 'Boleto'], saveAs: 'answer' });
    expect(wait.resume?.(n, s, msg(` ${text} `), testContext())).toEqual({ next: 'next', actions: [], vars: { answer: text } });
  });

  it('when a valid reply arrives before the timeout, then the timer is cancelled', () => {
    const { n, s } = parkedAt({ timeoutSeconds: 60 }, { timerPending: true });
    expect(wait.resume?.(n, s, msg('ok'), testContext())).toEqual({ next: 'next', actions: [{ type: 'cancel_timer', token: 'tok' }] });
  });

  it.each([
    ['the marketer wrote a prompt', 'Digite só números, {{contact.name}}', 'Digite só números, Ana'],
    ['the prompt is empty', '', 'Por favor, responda só com um número.'],
    ['the prompt is empty on an English channel', '', 'Please answer with a number only.', 'en'],
  ] as const)('when the reply is invalid with retries left and %s, then it re-asks and keeps waiting', (_case, retryPrompt, text, customerLanguage?: 'en') => {
    const { n, s } = parkedAt({ expect: 'number', retryPrompt, maxRetries: 2, timeoutSeconds: 60 }, { retries: 1, timerPending: true });
    expect(wait.resume?.(n, s, msg('abc'), testContext(customerLanguage ? { customerLanguage } : {}))).toEqual({
      actions: [retryMessage(text)],
      wait: { waitingFor: 'reply', token: 'tok', retries: 2, timerPending: true },
      outcome: 'retry',
    });
  });

  it('when the reply is invalid and no retries are left, then it cancels the timer and follows "invalid"', () => {
    const { n, s } = parkedAt({ expect: 'email', maxRetries: 2, timeoutSeconds: 60 }, { retries: 2, timerPending: true });
    expect(wait.resume?.(n, s, msg('nope'), testContext())).toEqual({
      next: 'invalid',
      actions: [{ type: 'cancel_timer', token: 'tok' }],
      outcome: 'invalid',
    });
  });
});

describe('wait handler: resume with a timer', () => {
  it.each([
    ['reply', 'timeout', { outcome: 'timeout' }],
    ['delay', 'next', {}],
  ] as const)('when the timer of a %s wait fires, then it follows %s', (mode, next, extra) => {
    const { n, s } = parkedAt({ mode, timeoutSeconds: 60 }, { waitingFor: mode === 'reply' ? 'reply' : 'timer' });
    expect(wait.resume?.(n, s, { type: 'timer_fired', token: 'tok' }, testContext())).toEqual({ next, actions: [], ...extra });
  });

  it('when the session is not parked at this node, then it throws (broken invariant)', () => {
    const n = node('wait', 'w', {});
    expect(() => wait.resume?.(n, session(), msg('x'), testContext())).toThrow();
  });
});

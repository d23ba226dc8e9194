import { describe, expect, it } from 'vitest';
import { codesOf, edge, flow, modelOf, node, trigger } from '../../testing/flow-builders';
import { checkServiceWindow } from './service-window';

const TWO_DAYS = 2 * 86400;

describe('service window rule', () => {
  it('when a message follows a two-day delay, then it is warned about, and so is what follows it', () => {
    const doc = flow(
      [trigger(), node('hi', 'message'), node('later', 'wait', { mode: 'delay', delaySeconds: TWO_DAYS }), node('nudge', 'message'), node('ai', 'ai_reply')],
      [edge('start', 'next', 'hi'), edge('hi', 'next', 'later'), edge('later', 'next', 'nudge'), edge('nudge', 'next', 'ai')],
    );
    expect(codesOf(checkServiceWindow(modelOf(doc)))).toEqual(['message_outside_window@nudge:', 'message_outside_window@ai:']);
  });

  it('when a reply wait times out after more than a day, then only its "no reply" branch is warned about', () => {
    const doc = flow(
      [trigger(), node('ask', 'wait', { mode: 'reply', timeoutSeconds: TWO_DAYS }), node('thanks', 'message'), node('miss', 'message')],
      [edge('start', 'next', 'ask'), edge('ask', 'next', 'thanks'), edge('ask', 'timeout', 'miss')],
    );
    expect(codesOf(checkServiceWindow(modelOf(doc)))).toEqual(['message_outside_window@miss:']);
  });

  it('when the customer answers a wait after the long delay, then the messages after the answer are fine', () => {
    const doc = flow(
      [trigger(), node('later', 'wait', { mode: 'delay', delaySeconds: TWO_DAYS }), node('ask', 'wait', { mode: 'reply', timeoutSeconds: null }), node('ok', 'message')],
      [edge('start', 'next', 'later'), edge('later', 'next', 'ask'), edge('ask', 'next', 'ok')],
    );
    expect(checkServiceWindow(modelOf(doc))).toEqual([]);
  });

  it('when waits are shorter than a day, then nothing is reported', () => {
    const doc = flow(
      [trigger(), node('later', 'wait', { mode: 'delay', delaySeconds: 3600 }), node('m', 'message')],
      [edge('start', 'next', 'later'), edge('later', 'next', 'm')],
    );
    expect(checkServiceWindow(modelOf(doc))).toEqual([]);
  });

  it('when a send_template step follows the long delay, then it is the right step and nothing is reported; a plain message after it still is', () => {
    const doc = flow(
      [trigger(), node('later', 'wait', { mode: 'delay', delaySeconds: TWO_DAYS }), node('tpl', 'send_template', { name: 'lembrete' }), node('after', 'message')],
      [edge('start', 'next', 'later'), edge('later', 'next', 'tpl'), edge('tpl', 'next', 'after')],
    );
    expect(codesOf(checkServiceWindow(modelOf(doc)))).toEqual(['message_outside_window@after:']);
  });

  it('when the customer taps a button of a late message, then what follows the tap is inside the window again', () => {
    const buttons = [{ id: 'sim', title: 'Sim' }];
    const doc = flow(
      [trigger(), node('later', 'wait', { mode: 'delay', delaySeconds: TWO_DAYS }), node('ask', 'message', { text: 'Ainda quer?', buttons }), node('ok', 'message')],
      [edge('start', 'next', 'later'), edge('later', 'next', 'ask'), edge('ask', 'btn:sim', 'ok')],
    );
    expect(codesOf(checkServiceWindow(modelOf(doc)))).toEqual(['message_outside_window@ask:']);
  });
});

import { describe, expect, it } from 'vitest';
import { msg, node, session, testContext } from '../testing/fixtures';
import { message } from './message';

const buttons = [
  { id: 'yes', title: 'Sim' },
  { id: 'no', title: 'Não' },
];
const list = { buttonLabel: 'Ver', rows: [{ id: 'pix', title: 'Pix' }, { id: 'card', title: 'Cartão de crédito' }] };

describe('message handler: enter', () => {
  it('when the text has placeholders, then it sends the interpolated text and moves on', () => {
    const n = node('message', 'm', { text: 'Oi {{contact.name}}, você disse {{last_reply}} ({{city|"?"}})', typingDelayMs: 800 });
    const step = message.enter(n, session({ lastReply: 'oi' }), testContext());
    expect(step).toEqual({
      next: 'next',
      actions: [
        {
          type: 'send_message',
          nodeId: 'm',
          content: { text: 'Oi Ana, você disse oi (?)', buttons: [], list: null, media: null, typingDelayMs: 800 },
        },
      ],
    });
  });

  it.each([
    ['reply buttons', { buttons }],
    ['a list', { list }],
  ])('when the message has %s, then it sends them as they are and waits for a reply', (_case, config) => {
    const step = message.enter(node('message', 'm', { text: 'Escolha', ...config }), session(), testContext());
    expect(step.next).toBeUndefined();
    expect(step.wait).toEqual({ waitingFor: 'reply' });
    expect(step.actions[0]).toMatchObject({ type: 'send_message', content: { text: 'Escolha', ...config } });
  });

  it('when the message carries media, then the media is copied into the content', () => {
    const media = { kind: 'image' as const, url: 'https://cdn.example/x.png' };
    const step = message.enter(node('message', 'm', { media }), session(), testContext());
    expect(step.actions[0]).toMatchObject({ content: { media } });
  });
});

describe('message handler: resume', () => {
  const withButtons = node('message', 'm', { buttons });
  const withList = node('message', 'm', { list });
  const sizes = node('message', 'm', { buttons: [{ id: 'b10', title: '10' }, { id: 'b20', title: '20' }] });

  it.each([
    ['a button is tapped', withButtons, 'Sim', 'yes', 'btn:yes'],
    ['a button title is typed with other case and accents', withButtons, '  NAO ', null, 'btn:no'],
    ['an unknown reply id is tapped and the text matches nothing', withButtons, 'talvez', 'other', 'no_match'],
    ['a list row is tapped', withList, 'Pix', 'pix', 'row:pix'],
    ['a list row title is typed', withList, 'cartao de credito', null, 'row:card'],
    ['something else is typed', withList, 'boleto', null, 'no_match'],
    ['an empty caption arrives', withButtons, '', null, 'no_match'],
    ["the first button's number is typed", withButtons, '1', null, 'btn:yes'],
    ["a list row's number is typed with a dot and spaces", withList, ' 2. ', null, 'row:card'],
    ["a row's number is typed with a parenthesis", withList, '1)', null, 'row:pix'],
    ['a number past the last option is typed', withButtons, '3', null, 'no_match'],
    ['zero is typed', withList, '0', null, 'no_match'],
    ['a number inside other words is typed', withList, 'quero 2', null, 'no_match'],
    ['a number is typed where the options are numbers themselves', sizes, '2', null, 'no_match'],
    ['one of those numbers is typed', sizes, '20', null, 'btn:b20'],
  ])('when %s, then it follows %s', (_case, n, text, replyId, handle) => {
    const step = message.resume?.(n, session(), msg(text, replyId), testContext());
    expect(step).toEqual({ next: handle, actions: [], outcome: handle });
  });

  it('when an event other than a message reaches it, then it throws (the interpreter never routes one)', () => {
    expect(() => message.resume?.(withButtons, session(), { type: 'timer_fired', token: 't' }, testContext())).toThrow();
  });
});

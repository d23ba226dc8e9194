import { describe, expect, it } from 'vitest';
import type { NodeConfig } from '@zyntra/flows-schema';
import { matchTrigger } from './match-trigger';
import { flow, msg, node } from './testing/fixtures';

type TriggerConfig = NodeConfig<'trigger'>;

function candidate(flowId: string, config: Partial<TriggerConfig>) {
  return flow([node('trigger', 'start', config)], [], {}, { flowId });
}

const ctx = { channelId: 'ch-1', isNewContact: false, hadSession: false };
const kw = (value: string, match: TriggerConfig['keywords'][number]['match'] = 'exact') => ({ match, value });

function pick(candidates: ReturnType<typeof candidate>[], text: string, over: Partial<typeof ctx> = {}) {
  return matchTrigger(candidates, msg(text), { ...ctx, ...over })?.flowId ?? null;
}

describe('matchTrigger keyword matching', () => {
  it.each([
    ['exact', 'ola', 'Olá', true],
    ['exact', 'Olá', 'ola', true],
    ['exact', 'promo', 'PROMO', true],
    ['exact', 'promo', 'promo hoje', false],
    ['contains', 'promo', 'Quero a PROMOÇÃO', true],
    ['contains', 'pedido', 'oi', false],
    ['contains', 'oi', 'Depois eu vejo, foi mal', false],
    ['contains', 'oi', 'Boa noite', false],
    ['contains', 'oi', 'ah, oi!', true],
    ['contains', 'oi', 'noite... oi', true],
    ['contains', 'quero comprar', 'Oi, quero comprar 2', true],
    ['contains', 'promo', 'supromo', false],
    ['contains', '2', 'pedido 123', false],
    ['contains', '123', 'pedido #123', true],
    ['starts_with', 'pedido', 'Pedido 42', true],
    ['starts_with', 'pedido', 'meu pedido', false],
    ['regex', '^pedido\\s*\\d+$', 'PEDIDO 42', true],
    ['regex', '^cancel(ar|amento)$', 'Cancelamento', true],
    ['regex', 'promocao', 'Promoção', true],
    ['regex', '^\\d+$', 'abc', false],
    ['regex', '(a+)+$', 'aaaa', false],
    ['regex', '([a-z', 'a', false],
    ['exact', '   ', 'oi', false],
    ['contains', '', 'oi', false],
  ] as const)('when the keyword is %s %j and the message is %j, then it matches: %s', (match, value, text, matched) => {
    expect(pick([candidate('f', { keywords: [kw(value, match)] })], text)).toBe(matched ? 'f' : null);
  });
});

describe('matchTrigger choice between flows', () => {
  const keyword = candidate('keyword', { keywords: [kw('oi')] });
  const newContact = candidate('new-contact', { newContact: true });
  const fallback = candidate('fallback', { fallback: true });

  it.each([
    ['a keyword, a new contact and a fallback flow match at equal priority', [fallback, newContact, keyword], 'oi', true, 'keyword'],
    ['only the new-contact and fallback flows match', [fallback, newContact, keyword], 'boa tarde', true, 'new-contact'],
    ['the contact is not new', [fallback, newContact], 'boa tarde', false, 'fallback'],
    ['only a new-contact flow exists and the contact is known', [newContact], 'oi', false, null],
    ['a fallback exists and nothing else matches', [keyword, fallback], 'qualquer coisa', false, 'fallback'],
    ['there are no candidates', [], 'oi', false, null],
  ] as const)('when %s, then it picks %s', (_case, candidates, text, isNewContact, expected) => {
    expect(pick([...candidates], text, { isNewContact })).toBe(expected);
  });

  it('when priorities differ, then the higher priority wins over a stronger kind of match', () => {
    const urgent = candidate('urgent', { newContact: true, priority: 90 });
    expect(pick([keyword, urgent], 'oi', { isNewContact: true })).toBe('urgent');
  });

  it('when a fallback has the highest priority, then it still only answers what no other flow matches', () => {
    const loudFallback = candidate('loud-fallback', { fallback: true, priority: 100 });
    expect(pick([keyword, loudFallback], 'oi')).toBe('keyword');
    expect(pick([keyword, loudFallback], 'tchau')).toBe('loud-fallback');
  });

  it('when two keyword flows tie on priority, then the smaller flowId wins whatever the input order', () => {
    const b = candidate('b-flow', { keywords: [kw('oi')] });
    const a = candidate('a-flow', { keywords: [kw('oi', 'contains')] });
    expect(pick([b, a], 'oi')).toBe('a-flow');
    expect(pick([a, b], 'oi')).toBe('a-flow');
  });

  it.each([
    [['ch-1'], 'ch-1', 'f'],
    [['ch-2'], 'ch-1', null],
    [[], 'ch-9', 'f'],
  ])('when the trigger lists channels %j and the message came on %s, then it picks %s', (channelIds, channelId, expected) => {
    expect(pick([candidate('f', { keywords: [kw('oi')], channelIds: [...channelIds] })], 'oi', { channelId })).toBe(expected);
  });

  it('when a candidate has no trigger node, then it is skipped', () => {
    const broken = flow([node('message', 'm')], [], {}, { flowId: 'broken' });
    expect(pick([broken, fallback], 'oi')).toBe('fallback');
  });
});

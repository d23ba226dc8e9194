import { describe, expect, it, vi } from 'vitest';
import { normalizeText } from '@zyntra/flows-schema';
import type * as FlowsSchema from '@zyntra/flows-schema';
import { matchTrigger } from './match-trigger';
import { normalizedSet } from './normalized-once';
import { flow, msg, node } from './testing/fixtures';

// Counts normalizations without changing them: the point is how often a version's words are normalized.
vi.mock('@zyntra/flows-schema', async (importOriginal) => {
  const real = await importOriginal<typeof FlowsSchema>();
  return { ...real, normalizeText: vi.fn(real.normalizeText) };
});

const ctx = { channelId: 'ch-1', isNewContact: false, hadSession: false };
const calls = (value: string) => vi.mocked(normalizeText).mock.calls.filter(([text]) => text === value).length;

describe('words normalized once per published version', () => {
  it('when 50 messages meet a cached version, then its long keyword is normalized once, and still matches', () => {
    const long = `Promoção ${'de verão '.repeat(500)}`;
    const version = flow([node('trigger', 'start', { keywords: [{ match: 'contains', value: long }, { match: 'exact', value: 'Olá' }] })], [], {}, { flowId: 'f' });
    for (let i = 0; i < 50; i++) expect(matchTrigger([version], msg(`mensagem ${i}`), ctx)).toBeNull();
    expect(matchTrigger([version], msg('ola'), ctx)?.flowId).toBe('f');
    expect(matchTrigger([version], msg(`quero a ${long.toUpperCase()}!`), ctx)?.flowId).toBe('f');
    expect(calls(long)).toBe(1);
    expect(calls('Olá')).toBe(1);
  });

  it('when the same exit words are asked for again, then the same set is returned without normalizing again', () => {
    const words = ['Sair do bot', 'TCHAU'];
    const first = normalizedSet(words);
    expect([...first]).toEqual(['sair do bot', 'tchau']);
    expect(normalizedSet(words)).toBe(first);
    expect(calls('TCHAU')).toBe(1);
  });
});

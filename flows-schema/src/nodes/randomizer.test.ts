import { describe, expect, it } from 'vitest';
import { randomizerNode, type RandomizerConfig } from './randomizer';

const ctx = { declaredVariables: new Set<string>() };
const paths = (...list: Array<[string, string, number]>): RandomizerConfig => ({ paths: list.map(([id, label, weight]) => ({ id, label, weight })) });
const codes = (c: RandomizerConfig) => (randomizerNode.check?.(c, ctx) ?? []).map((p) => `${p.code}@${p.path}`);

describe('randomizer node', () => {
  it('when created with its defaults, then it parses, splits half and half between A and B, both outputs required', () => {
    const d = randomizerNode.defaults();
    expect(randomizerNode.config.parse(d)).toEqual(d);
    expect(codes(d)).toEqual([]);
    expect(randomizerNode.outputs(d).map((o) => [o.id, o.label.en, o.required])).toEqual([['path:a', 'A', true], ['path:b', 'B', true]]);
    expect(randomizerNode.summary(d)).toBe('A 50% | B 50%');
  });

  it('when paths are named and weighted, then the outputs carry the names and the card the shares', () => {
    const c = paths(['x', 'Oferta 10%', 3], ['y', '', 1]);
    expect(randomizerNode.outputs(c).map((o) => o.label['pt-BR'])).toEqual(['Oferta 10%', 'B']);
    expect(randomizerNode.summary(c)).toBe('Oferta 10% 75% | B 25%');
  });

  it('when there are no paths or two share an id, then check reports them', () => {
    expect(codes(paths())).toEqual(['branches_required@paths']);
    expect(codes(paths(['a', '', 1], ['a', '', 1]))).toEqual(['duplicate_branch_id@paths.1.id']);
    expect(randomizerNode.outputs(paths(['a', '', 1], ['a', '', 1]))).toHaveLength(1);
  });

  it.each([
    ['a zero weight', paths(['a', '', 0])],
    ['a fractional weight', paths(['a', '', 1.5])],
    ['a weight over 100', paths(['a', '', 101])],
    ['seven paths', paths(...Array.from({ length: 7 }, (_, i) => [`p${i}`, '', 1] as [string, string, number]))],
    ['an empty id', paths(['', '', 1])],
  ])('when the config has %s, then the schema rejects it', (_name, value) => {
    expect(randomizerNode.config.safeParse(value).success).toBe(false);
  });
});

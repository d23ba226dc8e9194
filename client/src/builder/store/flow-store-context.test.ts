import { describe, expect, it } from 'vitest';
import { sameFields } from './flow-store-context';

describe('sameFields', () => {
  const problems = [{ code: 'x' }];
  it('when every field is the identical value, then the objects count as the same', () => {
    expect(sameFields({ data: problems, running: false, stats: null }, { data: problems, running: false, stats: null })).toBe(true);
  });
  it('when a field holds an equal but new object, then they differ (cards re-render only on a real change)', () => {
    expect(sameFields({ data: problems }, { data: [{ code: 'x' }] })).toBe(false);
  });
  it('when a key is missing on either side, then they differ', () => {
    expect(sameFields<Record<string, unknown>>({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameFields<Record<string, unknown>>({ a: 1, b: undefined }, { a: 1 })).toBe(false);
  });
  it('when a value is NaN on both sides, then it is the same value', () => {
    expect(sameFields({ n: Number.NaN }, { n: Number.NaN })).toBe(true);
  });
});

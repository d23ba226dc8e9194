import { describe, expect, it } from 'vitest';
import { repeatError, repeatsOf } from './import-repeats';

const line = (n: number, phone: string) => ({ line: n, phone, name: null, tags: [], attributes: {} });

describe('a phone repeated in an import file', () => {
  it('when a later line has the phone of an earlier one, then it is named with that earlier line, across batches', () => {
    const seen = new Map<string, number>();
    expect(repeatsOf([line(2, '+5581990000001'), line(3, '+5581990000002'), line(4, '+5581990000001')], seen)).toEqual(new Map([[4, 2]]));
    expect(repeatsOf([line(252, '+5581990000002'), line(253, '+5581990000001')], seen)).toEqual(new Map([[252, 3], [253, 2]]));
  });

  it('when reported, then the line says which line it repeats and that it was merged', () => {
    expect(repeatError(6, 3)).toEqual({ line: 6, code: 'duplicate_phone', value: '3', message: 'repeats the phone of line 3: merged into that contact' });
  });
});

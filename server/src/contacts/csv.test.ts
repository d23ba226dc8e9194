import { describe, expect, it } from 'vitest';
import { csvLine } from './csv';

describe('csvLine', () => {
  it('when values hold delimiters or start like a formula, then they are quoted and defused', () => {
    expect(csvLine(['+5511988887777', 'Silva, Ana', '=HYPERLINK("x")', null, 3])).toBe('+5511988887777,"Silva, Ana","\'=HYPERLINK(""x"")",,3');
  });
});

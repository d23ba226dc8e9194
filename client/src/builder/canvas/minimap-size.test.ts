import { describe, expect, it } from 'vitest';
import { minimapSize } from './minimap-size';

describe('the minimap for the canvas width left', () => {
  it('when the canvas has room, then it is full size; narrower, small; narrow, none', () => {
    expect(minimapSize(1244)).toBe('full');
    expect(minimapSize(720)).toBe('full');
    expect(minimapSize(524)).toBe('small');
    expect(minimapSize(108)).toBe('none');
  });

  it('when the canvas is not measured yet, then there is no minimap to jump in size', () => {
    expect(minimapSize(0)).toBe('none');
  });
});

import { describe, expect, it } from 'vitest';
import { toastsOffset } from './toast-clearance';

describe('toastsOffset', () => {
  it('when a bar is on screen, then toasts start 8 px past the one reaching furthest in', () => {
    expect(toastsOffset([116.4])).toBe('124px');
    expect(toastsOffset([60, 117])).toBe('125px');
  });

  it('when no bar is on screen (none, or only hidden ones measuring 0), then the stylesheet decides', () => {
    expect(toastsOffset([])).toBeNull();
    expect(toastsOffset([0])).toBeNull();
  });
});

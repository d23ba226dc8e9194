import { describe, expect, it } from 'vitest';
import { toastsTop } from './toast-clearance';

describe('toastsTop', () => {
  it('when a bar is on screen, then toasts start 8 px below the lowest one', () => {
    expect(toastsTop([116.4])).toBe('124px');
    expect(toastsTop([60, 117])).toBe('125px');
  });

  it('when no bar is on screen (none, or only hidden ones measuring 0), then the stylesheet decides', () => {
    expect(toastsTop([])).toBeNull();
    expect(toastsTop([0])).toBeNull();
  });
});

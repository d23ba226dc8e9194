import { describe, expect, it } from 'vitest';
import { toastPosition } from './toast-position';

describe('toastPosition', () => {
  it('when on a wide screen outside the builder, then toasts sit bottom left over the navigation', () => {
    expect(toastPosition(false, '/inbox/123')).toBe('bottom-left');
    expect(toastPosition(false, '/flows')).toBe('bottom-left');
  });

  it('when in the builder, then toasts sit bottom centre, clear of the zoom buttons', () => {
    expect(toastPosition(false, '/flows/9b2f6c1e-0000-4000-8000-000000000001')).toBe('bottom-center');
  });

  it('when on a phone, then toasts sit below the header, except on the inbox list, whose own controls are at the top', () => {
    expect(toastPosition(true, '/flows/abc')).toBe('top-center');
    expect(toastPosition(true, '/inbox/9b2f6c1e-0000-4000-8000-000000000001')).toBe('top-center');
    expect(toastPosition(true, '/contacts')).toBe('top-center');
    expect(toastPosition(true, '/inbox')).toBe('bottom-center');
  });

  it('when a drawer or dialog is open on a phone, then toasts sit at the bottom, clear of its title, close button and first fields', () => {
    expect(toastPosition(true, '/inbox/9b2f6c1e-0000-4000-8000-000000000001', true)).toBe('bottom-center');
    expect(toastPosition(true, '/contacts', true)).toBe('bottom-center');
    expect(toastPosition(true, '/templates', true)).toBe('bottom-center');
  });

  it('when a drawer or dialog is open on a wide screen, then toasts stay where they were', () => {
    expect(toastPosition(false, '/contacts', true)).toBe('bottom-left');
    expect(toastPosition(false, '/flows/9b2f6c1e-0000-4000-8000-000000000001', true)).toBe('bottom-center');
  });
});

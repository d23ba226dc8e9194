import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { errorKey, errorText } from './error-text';

const t = ((key: string) => `«${key}»`) as unknown as TFunction;

describe('errorText', () => {
  it('words a code the screen knows before the common words, and never shows the server message', () => {
    const conflict = new ApiError(409, 'conflict', 'A team named "Vendas" already exists');
    expect(errorText(t, conflict, { conflict: 'teams.duplicate' })).toBe('«teams.duplicate»');
    expect(errorText(t, conflict)).toBe('«errors.unexpected»');
    expect(errorText(t, conflict, {}, 'teams.saveFailed')).toBe('«teams.saveFailed»');
  });

  it('words the codes every screen shares, and anything not from the API falls back', () => {
    expect(errorKey(new ApiError(503, 'unavailable', 'WhatsApp did not answer: fetch failed'))).toBe('errors.unavailable');
    expect(errorKey(new ApiError(0, 'network_error', 'Failed to fetch'))).toBe('errors.network');
    expect(errorKey(new ApiError(503, 'unavailable', 'x'), { unavailable: 'templates.unreachable' })).toBe('templates.unreachable');
    expect(errorKey(new Error('boom'))).toBeNull();
  });
});

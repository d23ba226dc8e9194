import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { importRefusal } from './import-refusal';

const refused = (details: Record<string, unknown>) => new ApiError(400, 'validation_failed', 'The header row has no "phone" column', details);

describe('importRefusal', () => {
  it('when the header has no phone column, then the words are chosen by the reason, not the English message', () => {
    expect(importRefusal(refused({ reason: 'no_phone_column' }))).toEqual({ key: 'contacts.importRefused.no_phone_column', values: {} });
  });

  it('when the reason names a column or a limit, then they are passed on to the words', () => {
    expect(importRefusal(refused({ reason: 'bad_column', column: 'bad column' }))).toEqual({ key: 'contacts.importRefused.bad_column', values: { column: 'bad column' } });
    expect(importRefusal(refused({ reason: 'too_many_rows', limit: 50000 }))).toEqual({ key: 'contacts.importRefused.too_many_rows', values: { limit: 50000 } });
  });

  it('when the reason is unknown or the request failed otherwise, then a general text or the common one stands in', () => {
    expect(importRefusal(refused({ reason: 'something_new' })).key).toBe('contacts.importRefused.other');
    expect(importRefusal(new ApiError(0, 'network_error', 'Failed to fetch')).key).toBe('errors.network');
    expect(importRefusal(new Error('boom')).key).toBe('contacts.importRefused.other');
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { campaignFieldErrors } from './campaign-field-errors';

const refused = (issues: unknown[]) => new ApiError(400, 'validation_failed', 'The request is not valid', { issues });

describe("the server's refusal at the wizard's fields", () => {
  it('when the name is too long, then the name field says the limit', () => {
    expect(campaignFieldErrors(refused([{ path: 'name', message: 'Too big', code: 'too_big', origin: 'string', maximum: 120 }])))
      .toEqual({ name: { key: 'validation.maxChars', values: { max: 120 } } });
  });

  it('when the hours start and end together, then the end field says so by its reason', () => {
    expect(campaignFieldErrors(refused([{ path: 'window.end', message: 'same', code: 'custom', reason: 'same_start_end' }])))
      .toEqual({ windowEnd: { key: 'campaigns.wizard.windowSame' } });
  });

  it('when the refusal is about something else, then no field claims it', () => {
    expect(campaignFieldErrors(refused([{ path: 'template.name', message: 'x', code: 'invalid_format' }]))).toEqual({});
    expect(campaignFieldErrors(new ApiError(404, 'not_found', 'x'))).toEqual({});
    expect(campaignFieldErrors(new Error('x'))).toEqual({});
  });
});

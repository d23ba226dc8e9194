import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { feedbackFromError } from './form-errors';

const invalid = (...paths: string[]) =>
  new ApiError(400, 'validation_failed', 'The request is not valid', { issues: paths.map((path) => ({ path, message: `bad ${path}` })) });

describe('feedbackFromError', () => {
  it('when the server refuses a field of the form, then the message goes beside that field only', () => {
    expect(feedbackFromError(invalid('password'), ['name', 'password'])).toEqual({ fields: { password: { key: 'validation.invalid' } }, form: null });
  });

  it('when the server says a field is too long, then the field says so in words the user reads, with the limit, not the English text', () => {
    const err = new ApiError(400, 'validation_failed', 'The request is not valid', {
      issues: [{ path: 'name', code: 'too_big', origin: 'string', maximum: 80, message: 'Too big: expected string to have <=80 characters' }],
    });
    expect(feedbackFromError(err, ['name'])).toEqual({ fields: { name: { key: 'validation.maxChars', values: { max: 80 } } }, form: null });
  });

  it('when a link was cut short (its token refused), then the form says the link is invalid', () => {
    expect(feedbackFromError(invalid('token'), ['password'])).toEqual({ fields: {}, form: { key: 'errors.linkInvalid' } });
    expect(feedbackFromError(invalid('token', 'password'), ['password']).form).toEqual({ key: 'errors.linkInvalid' });
  });

  it('when an issue names no field of the form, then it is not dropped', () => {
    expect(feedbackFromError(invalid('other'), ['password']).form).toEqual({ key: 'errors.validationFailed' });
  });

  it('when the link is unknown or used, then the same invalid-link message shows', () => {
    expect(feedbackFromError(new ApiError(404, 'not_found', 'Invitation not found'), ['password']).form).toEqual({ key: 'errors.linkInvalid' });
  });

  it('when the workspace keeps the most channels it may, then the form names the kind and the cap', () => {
    const capped = new ApiError(409, 'limit_reached', 'This workspace already keeps 100 channels', { resource: 'channels', limit: 100 });
    expect(feedbackFromError(capped, ['name']).form).toEqual({ key: 'errors.limitReached', values: { resource: 'channels', limit: 100 } });
  });
});

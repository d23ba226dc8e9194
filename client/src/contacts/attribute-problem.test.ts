import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { attributeProblem } from './attribute-problem';

const refused = (issues: unknown[]) => new ApiError(400, 'validation_failed', 'The request is not valid', { issues });

describe('attributeProblem', () => {
  it('when an attribute value is too long, then its key and the limit are named', () => {
    const err = refused([{ path: 'attributes.cidade', code: 'too_big', origin: 'string', maximum: 1000, message: 'Too big' }]);
    expect(attributeProblem(err)).toEqual({ key: 'cidade', problem: { key: 'validation.maxChars', values: { max: 1000 } } });
  });

  it('when the refusal is about another field or not a refusal of the input, then there is none', () => {
    expect(attributeProblem(refused([{ path: ['name'], code: 'too_big', origin: 'string', maximum: 200, message: 'x' }]))).toBeNull();
    expect(attributeProblem(refused([{ path: 'attributes', code: 'custom', message: 'x' }]))).toBeNull();
    expect(attributeProblem(new ApiError(500, 'internal', 'x'))).toBeNull();
    expect(attributeProblem(new Error('x'))).toBeNull();
  });
});

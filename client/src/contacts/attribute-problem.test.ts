import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { attributeNameProblemOf, attributeProblem } from './attribute-problem';

const refused = (issues: unknown[]) => new ApiError(400, 'validation_failed', 'The request is not valid', { issues });

describe('attributeProblem', () => {
  it('when an attribute value is too long, then its key and the limit are named', () => {
    const err = refused([{ path: 'attributes.cidade', code: 'too_big', origin: 'string', maximum: 1000, message: 'Too big' }]);
    expect(attributeProblem(err)).toEqual({ key: 'cidade', on: 'value', problem: { key: 'validation.maxChars', values: { max: 1000 } } });
  });

  it('when the server refuses an attribute name, then the problem is on the name, and says why', () => {
    const err = refused([{ path: 'attributes.data de nascimento', code: 'invalid_key', reason: 'attribute_name', message: 'x' }]);
    expect(attributeProblem(err)).toEqual({ key: 'data de nascimento', on: 'name', name: 'characters' });
    expect(attributeProblem(refused([{ path: 'attributes.constructor', code: 'invalid_key', message: 'x' }]))).toEqual({ key: 'constructor', on: 'name', name: 'reserved' });
  });

  it('when the name holds a dot, then the whole name is the key', () => {
    const err = refused([{ path: 'attributes.pedido.ultimo', code: 'too_big', origin: 'string', maximum: 1000, message: 'x' }]);
    expect(attributeProblem(err)).toMatchObject({ key: 'pedido.ultimo', on: 'value' });
  });

  it('when the refusal is about another field or not a refusal of the input, then there is none', () => {
    expect(attributeProblem(refused([{ path: ['name'], code: 'too_big', origin: 'string', maximum: 200, message: 'x' }]))).toBeNull();
    expect(attributeProblem(refused([{ path: 'attributes', code: 'custom', message: 'x' }]))).toBeNull();
    expect(attributeProblem(new ApiError(500, 'internal', 'x'))).toBeNull();
    expect(attributeProblem(new Error('x'))).toBeNull();
  });
});

describe('attributeNameProblemOf', () => {
  it('when a typed name has a space or is reserved, then it is named before saving; accents and empty rows pass', () => {
    expect(attributeNameProblemOf(['cidade', 'data de nascimento'])).toEqual({ key: 'data de nascimento', on: 'name', name: 'characters' });
    expect(attributeNameProblemOf(['Prototype'])).toEqual({ key: 'Prototype', on: 'name', name: 'reserved' });
    expect(attributeNameProblemOf(['aniversário', 'data_de_nascimento', ''])).toBeNull();
  });
});

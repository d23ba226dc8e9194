import { describe, expect, it } from 'vitest';
import { newVariableName } from './new-variable';

describe('newVariableName', () => {
  it('when the search is a new name, then it is the name as the flow settings would store it', () => {
    expect(newVariableName(' número do pedido ', ['cupom'])).toBe('numero_do_pedido');
    expect(newVariableName('interesse', [])).toBe('interesse');
  });

  it('when the search names a declared or built-in variable, or is no name, then there is nothing to create', () => {
    expect(newVariableName('cupom', ['cupom'])).toBeNull();
    expect(newVariableName('last_reply', [])).toBeNull();
    expect(newVariableName('contact.cidade', [])).toBeNull();
    expect(newVariableName('', [])).toBeNull();
    expect(newVariableName('123', [])).toBeNull();
    expect(newVariableName('a{b}', [])).toBeNull();
  });
});

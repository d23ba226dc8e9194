import { describe, expect, it } from 'vitest';
import { stepContact } from './step-contact';

describe('stepContact', () => {
  it('when the row holds attributes of any JSON type, then the flow reads each as text and a null one as unset', () => {
    const row = { name: 'Ana', phone: '5581990000001', tags: ['vip'], attributes: { Cidade: 'Recife', pontos: 120, ativo: true, vazio: null, extra: { a: 1 } } };
    expect(stepContact(row)).toEqual({
      name: 'Ana', phone: '5581990000001', tags: ['vip'], attributes: { Cidade: 'Recife', pontos: '120', ativo: 'true', extra: '{"a":1}' },
    });
  });

  it('when the row has no attributes, then there are none', () => {
    expect(stepContact({ name: null, phone: null, tags: [], attributes: null }).attributes).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { renamePlan } from './rename-plan';

const cidade = { key: 'Cidade', contacts: 3, flows: [] };
const fields = [cidade, { key: 'cidadee', contacts: 1, flows: [] }];

describe('renaming a contact field', () => {
  it('when the new name is not a name or is the same, then it is refused, saying why', () => {
    expect(renamePlan('cidadee', 'data de nascimento', fields)).toEqual({ kind: 'refused', problem: 'characters' });
    expect(renamePlan('cidadee', '  ', fields)).toEqual({ kind: 'refused', problem: 'empty' });
    expect(renamePlan('cidadee', 'Constructor', fields)).toEqual({ kind: 'refused', problem: 'reserved' });
    expect(renamePlan('cidadee', ' cidadee ', fields)).toEqual({ kind: 'refused', problem: 'same' });
  });

  it('when only the letter case changes, then it is a respelling, not a merge into itself', () => {
    expect(renamePlan('Cidade', 'cidade', fields)).toEqual({ kind: 'case' });
  });

  it('when the new name is another field in any case, then the values merge into it; else it is a new field', () => {
    expect(renamePlan('cidadee', 'CIDADE', fields)).toEqual({ kind: 'merge', into: cidade });
    expect(renamePlan('cidadee', 'Município', fields)).toEqual({ kind: 'new' });
  });
});

import { describe, expect, it } from 'vitest';
import { languageName } from './language-name';

describe('languageName', () => {
  it('when a template language code is shown, then it is named in the reader\'s language', () => {
    expect(languageName('pt_BR', 'pt-BR')).toBe('Português (Brasil)');
    expect(languageName('en_US', 'en')).toBe('American English');
    expect(languageName('es', 'pt-BR')).toBe('Espanhol');
  });

  it('when the code is not a language, then the code alone is shown', () => {
    expect(languageName('not a code!', 'en')).toBe('not a code!');
  });
});

import { describe, expect, it } from 'vitest';
import { classifyGlobalKeyword, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from './keywords';

describe('classifyGlobalKeyword', () => {
  it.each([
    ['PARAR', 'opt_out'],
    ['parar', 'opt_out'],
    ['  Sair ', 'opt_out'],
    ['stop', 'opt_out'],
    ['Cancelar', 'opt_out'],
    ['descadastrar', 'opt_out'],
    ['UNSUBSCRIBE', 'opt_out'],
    ['voltar', 'opt_in'],
    ['Start', 'opt_in'],
    ['INICIAR', 'opt_in'],
    ['iniciár', 'opt_in'],
    ['parar!', 'opt_out'],
    ['Parar.', 'opt_out'],
    ['sair.', 'opt_out'],
    ['PARAR 🙏', 'opt_out'],
    ['🙏🏽 parar 👍🏻', 'opt_out'],
    ['*STOP*', 'opt_out'],
    ['"Sair"', 'opt_out'],
    ['...parar!!!', 'opt_out'],
    ['❤️ Voltar!', 'opt_in'],
    ['não quero parar', null],
    ['não quero parar de receber', null],
    ['parar, obrigado', null],
    ['parar 🙏 obrigado', null],
    ['pa-rar', null],
    ['🙏', null],
    ['!!!', null],
    ['parar agora', null],
    ['sair do bot', null],
    ['', null],
    ['oi', null],
  ] as const)('when the message is %j, then it classifies as %s', (text, expected) => {
    expect(classifyGlobalKeyword(text)).toBe(expected);
  });

  it('when any listed word is sent alone, then it is recognised by its own list', () => {
    for (const word of OPT_OUT_KEYWORDS) expect(classifyGlobalKeyword(word)).toBe('opt_out');
    for (const word of OPT_IN_KEYWORDS) expect(classifyGlobalKeyword(word)).toBe('opt_in');
  });
});

// RE2's syntax errors, said in the marketer's words and language. The codes stay the validator's
// (regex_invalid / regex_unsafe); this only chooses which one and the reason shown with it.
import { localized, type Localized } from '../localized';

export const NO_BACKREFERENCES = localized(
  'backreferences such as \\1 or \\k<name> are not supported',
  'referências a grupos, como \\1 ou \\k<nome>, não são aceitas',
);

export const LOOKAROUND = localized(
  'lookahead and lookbehind, such as (?=…) or (?<!…), are not supported',
  'verificações à frente ou atrás, como (?=…) ou (?<!…), não são aceitas',
);

export const TOO_COMPLEX = localized(
  'it is too complex to run safely',
  'ela é complexa demais para rodar com segurança',
);

type Described = { reason: 'invalid' | 'unsafe'; detail: Localized };

const invalid = (en: string, ptBR: string): Described => ({ reason: 'invalid', detail: localized(en, ptBR) });

/** Keyed by re2js's error text (RE2's own wording, stable across ports). */
const MESSAGES: Record<string, (input: string) => Described> = {
  'missing closing )': () => invalid('a “(” is never closed', 'um “(” não foi fechado'),
  'unexpected )': () => invalid('a “)” has no matching “(”', 'um “)” não tem o “(” correspondente'),
  'missing closing ]': () => invalid('a “[” is never closed', 'um “[” não foi fechado'),
  'invalid character class range': (input) =>
    invalid(
      `the range “${input}” is reversed or invalid`,
      `o intervalo “${input}” está invertido ou é inválido`,
    ),
  'missing argument to repetition operator': (input) =>
    invalid(`“${input}” has nothing to repeat`, `“${input}” não tem o que repetir`),
  'invalid nested repetition operator': (input) =>
    invalid(`“${input}” repeats a repetition operator`, `“${input}” repete um operador de repetição`),
  'trailing backslash at end of expression': () =>
    invalid('it ends with a lone backslash', 'ela termina com uma barra invertida solta'),
  'invalid escape sequence': (input) =>
    /^\\[1-9]/.test(input)
      ? { reason: 'invalid', detail: NO_BACKREFERENCES }
      : invalid(`the escape “${input}” is not supported`, `o escape “${input}” não é aceito`),
  'duplicate capture group name': (input) =>
    invalid(`two groups are named “${input}”`, `dois grupos se chamam “${input}”`),
  // Repeat counts above 1000, or nested counts whose product is, and huge or deep programs.
  'invalid repeat count': () => ({ reason: 'unsafe', detail: TOO_COMPLEX }),
  'expression too large': () => ({ reason: 'unsafe', detail: TOO_COMPLEX }),
  'expression nests too deeply': () => ({ reason: 'unsafe', detail: TOO_COMPLEX }),
};

const LOOKAROUND_START = /^\(\?<?[=!]/;

export function describeSyntaxError(error: string, input: string): Described {
  // RE2 reports (?= and (?! as unsupported Perl syntax and (?<= and (?<! as bad group names.
  if (LOOKAROUND_START.test(input)) return { reason: 'invalid', detail: LOOKAROUND };
  const known = Object.hasOwn(MESSAGES, error) ? MESSAGES[error] : undefined;
  if (known) return known(input);
  const text = input === '' ? error : `${error}: ${input}`;
  return { reason: 'invalid', detail: localized(text, text) };
}

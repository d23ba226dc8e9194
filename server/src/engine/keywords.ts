// Words that change a contact's consent whatever flow is running (WhatsApp policy requires
// honouring opt-outs). The whole message must be the word: "não quero parar" is not an opt-out, but
// what people put around it ("Parar.", "sair!", "*STOP*", "PARAR 🙏") is not part of it.
import { normalizeText } from '@zyntra/flows-schema';

export const OPT_OUT_KEYWORDS = ['PARAR', 'SAIR', 'STOP', 'CANCELAR', 'DESCADASTRAR', 'UNSUBSCRIBE'] as const;
export const OPT_IN_KEYWORDS = ['VOLTAR', 'START', 'INICIAR'] as const;

export type GlobalKeyword = 'opt_out' | 'opt_in';

const optOut = new Set<string>(OPT_OUT_KEYWORDS.map(normalizeText));
const optIn = new Set<string>(OPT_IN_KEYWORDS.map(normalizeText));

/** Anything but letters and digits at either end: punctuation, emoji (with their joiners and skin tones), spaces. */
const AROUND_THE_WORD = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

export function classifyGlobalKeyword(text: string): GlobalKeyword | null {
  const said = normalizeText(text).replace(AROUND_THE_WORD, '');
  if (optOut.has(said)) return 'opt_out';
  if (optIn.has(said)) return 'opt_in';
  return null;
}

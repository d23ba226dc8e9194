// Words that change a contact's consent whatever flow is running (WhatsApp policy requires
// honouring opt-outs). The whole message must be the word: "não quero parar" is not an opt-out.
import { normalizeText } from '@zyntra/flows-schema';

export const OPT_OUT_KEYWORDS = ['PARAR', 'SAIR', 'STOP', 'CANCELAR', 'DESCADASTRAR', 'UNSUBSCRIBE'] as const;
export const OPT_IN_KEYWORDS = ['VOLTAR', 'START', 'INICIAR'] as const;

export type GlobalKeyword = 'opt_out' | 'opt_in';

const optOut = new Set<string>(OPT_OUT_KEYWORDS.map(normalizeText));
const optIn = new Set<string>(OPT_IN_KEYWORDS.map(normalizeText));

export function classifyGlobalKeyword(text: string): GlobalKeyword | null {
  const said = normalizeText(text);
  if (optOut.has(said)) return 'opt_out';
  if (optIn.has(said)) return 'opt_in';
  return null;
}

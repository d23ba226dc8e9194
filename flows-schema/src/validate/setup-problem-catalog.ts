import { warning } from './catalog-entry';

// Problems of a step with what the workspace has set up, which only the server knows: the editor
// learns it with the flow and lists them beside validateFlow's. Warnings: the flow still runs, but a
// customer meets the step's failure.
export const setupProblems = {
  ai_provider_missing: warning(
    'This AI reply step has no AI provider to ask: an admin sets one up in Settings → AI replies. Until then the step takes its “Failed” output.',
    'Esta etapa Resposta com IA não tem um provedor de IA para consultar: um administrador configura em Configurações → Respostas com IA. Até lá, a etapa segue pela saída “Falhou”.',
  ),
} as const;

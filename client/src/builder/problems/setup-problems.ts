// Problems of the flow's steps with what the workspace has set up (known from the flow's read): an
// AI reply step in a workspace with no AI provider to ask publishes fine and then fails for every
// customer, so each such step gets a warning saying where an admin sets one up. Pure.
import { problemCatalog, type FlowDocument, type Problem } from '@zyntra/flows-schema';

export interface WorkspaceSetup {
  /** The workspace's own AI provider or the server's; unknown (an older server) counts as there. */
  hasAiProvider: boolean;
}

export function setupProblems(doc: Pick<FlowDocument, 'nodes'>, setup: WorkspaceSetup): Problem[] {
  if (setup.hasAiProvider) return [];
  const entry = problemCatalog.ai_provider_missing;
  return doc.nodes
    .filter((n) => n.type === 'ai_reply')
    .map((n) => ({ code: 'ai_provider_missing', severity: entry.severity, nodeId: n.id, path: '', message: { en: entry.en, 'pt-BR': entry['pt-BR'] } }));
}

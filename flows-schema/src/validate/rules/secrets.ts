// A credential is stored sealed, about 4/3 of its length plus a mark (see secrets.ts): one typed
// longer than SECRET_MAX_BYTES would be refused by the server's save, so the editor says so first.
// Values already in their stored form were checked when they were sealed.
import { oversizedSecretBytes, SECRET_MAX_BYTES } from '../../secrets';
import type { FlowModel } from '../flow-model';
import type { ProblemDraft } from '../problems';

/** The value at a dotted path of a parsed config ("headers.0.value"). */
function valueAt(config: unknown, path: string): unknown {
  let current = config;
  for (const key of path.split('.')) current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

export function checkSecrets(model: FlowModel): ProblemDraft[] {
  return model.nodes.flatMap((node) => {
    if (!node.configValid || !node.def.secrets) return [];
    return node.def.secrets(node.config).flatMap((secret): ProblemDraft[] => {
      const value = valueAt(node.config, secret.path);
      const bytes = typeof value === 'string' ? oversizedSecretBytes(value) : null;
      return bytes === null ? [] : [{ code: 'secret_too_long', nodeId: node.id, path: `config.${secret.path}`, params: { max: SECRET_MAX_BYTES, length: bytes } }];
    });
  });
}

// Credentials typed into a flow (an HTTP request step's Authorization header) are never shown back:
// every document a person reads has them masked, and a save that sends the mask back keeps the
// stored value. They are stored sealed (AES-GCM with the server's ENCRYPTION_KEY), so a database
// dump or backup does not carry them, and opened only where the call is made. Which fields are
// credentials is each step definition's `secrets()`.
import { anyNodeDefinition, isNodeType, oversizedSecretBytes, SEALED_SECRET_MARK, type SecretField } from '@zyntra/flows-schema';
import { resealValue, type ResealCount } from '../security/reseal';
import type { Sealer } from '../security/seal';

export const SECRET_MASK = '••••••••';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function nodesOf(doc: unknown): Json[] {
  return isRecord(doc) && Array.isArray(doc.nodes) ? doc.nodes.filter(isRecord) : [];
}

function secretsOf(node: Json): SecretField[] {
  if (!isNodeType(node.type) || !isRecord(node.config)) return [];
  const def = anyNodeDefinition(node.type);
  try {
    return def.secrets?.(node.config as never) ?? [];
  } catch {
    return [];
  }
}

/** The parent object and key of a config path, if every step on the way exists. */
function slot(config: Json, path: string): { parent: Json | unknown[]; key: string } | null {
  const parts = path.split('.');
  let current: unknown = config;
  for (const part of parts.slice(0, -1)) {
    if (!isRecord(current) && !Array.isArray(current)) return null;
    current = (current as Json)[part];
  }
  return isRecord(current) || Array.isArray(current) ? { parent: current, key: parts[parts.length - 1]! } : null;
}

/** Each credential of the document that holds a string, with the object and key it sits at. */
function* secretSlots(doc: unknown): Generator<{ node: Json; secret: SecretField; parent: Json; key: string; value: string }> {
  for (const node of nodesOf(doc)) {
    for (const secret of secretsOf(node)) {
      const at = slot(node.config as Json, secret.path);
      const value = at ? (at.parent as Json)[at.key] : undefined;
      if (at && typeof value === 'string') yield { node, secret, parent: at.parent as Json, key: at.key, value };
    }
  }
}

function rewrite(doc: unknown, change: (node: Json, secret: SecretField, value: string) => string | undefined): unknown {
  if (nodesOf(doc).every((node) => secretsOf(node).length === 0)) return doc;
  const copy = structuredClone(doc);
  for (const { node, secret, parent, key, value } of secretSlots(copy)) {
    const next = change(node, secret, value);
    if (next !== undefined) parent[key] = next;
  }
  return copy;
}

/** The document as a person may see it: every non-empty credential replaced by the mask. */
export function maskSecrets<T>(doc: T): T {
  return rewrite(doc, (_node, _secret, value) => (value === '' ? undefined : SECRET_MASK)) as T;
}

/**
 * The document to store: a credential sent back as the mask takes the value stored under the same
 * node and key (a header keeps its value when others are added, removed or reordered); with no
 * stored value it becomes empty, so the mask itself is never sent anywhere.
 */
export function keepSecrets<T>(incoming: T, stored: unknown): T {
  const known = new Map<string, string>();
  for (const { node, secret, value } of secretSlots(stored)) {
    if (!known.has(`${String(node.id)}\u0000${secret.key}`)) known.set(`${String(node.id)}\u0000${secret.key}`, value);
  }
  return rewrite(incoming, (node, secret, value) => (value === SECRET_MASK ? (known.get(`${String(node.id)}\u0000${secret.key}`) ?? '') : undefined)) as T;
}

/**
 * A credential as stored: the sealed value, or the value itself when it does not carry the mark or
 * does not open (a typed value is never taken for a sealed one: it must also open).
 */
export function openSecret(value: string, sealer: Pick<Sealer, 'open'>): string {
  if (!value.startsWith(SEALED_SECRET_MARK)) return value;
  try {
    return sealer.open(value.slice(SEALED_SECRET_MARK.length));
  } catch {
    return value;
  }
}

/**
 * Whether a credential typed into the document is too long to store sealed: the same rule as
 * validateFlow's secret_too_long, checked before sealing, which would make it longer than its field.
 */
export function hasOversizedSecret(doc: unknown): boolean {
  for (const { value } of secretSlots(doc)) if (oversizedSecretBytes(value) !== null) return true;
  return false;
}

/** The document to store: every credential not sealed yet is sealed (stored values kept by keepSecrets already are). */
export function sealSecrets<T>(doc: T, sealer: Pick<Sealer, 'seal' | 'open'>): T {
  return rewrite(doc, (_node, _secret, value) => (value === '' || openSecret(value, sealer) !== value ? undefined : SEALED_SECRET_MARK + sealer.seal(value))) as T;
}

/** The document with every sealed credential moved to the current key (npm run secrets:reseal), and what was found. */
export function resealSecrets(doc: unknown, sealer: Pick<Sealer, 'isCurrent' | 'reseal'>): { doc: unknown; count: ResealCount } {
  const count: ResealCount = { resealed: 0, current: 0, unreadable: 0 };
  const next = rewrite(doc, (_node, _secret, value) => {
    const resealed = value.startsWith(SEALED_SECRET_MARK) ? resealValue(sealer, value.slice(SEALED_SECRET_MARK.length), count) : null;
    if (resealed === null) return undefined;
    count.resealed += 1;
    return SEALED_SECRET_MARK + resealed;
  });
  return { doc: next, count };
}

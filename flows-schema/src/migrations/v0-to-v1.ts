// v0 is the shape of the first prototype editor: no schemaVersion, and each node kept its
// config under React Flow's `data` key. Migrations receive arbitrary JSON and must not throw:
// anything they do not recognise is passed through for validation to report.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nodeV0ToV1(node: unknown): unknown {
  if (!isRecord(node) || !('data' in node) || 'config' in node) return node;
  const { data, ...rest } = node;
  return { ...rest, config: data };
}

export function v0ToV1(doc: Record<string, unknown>): Record<string, unknown> {
  const nodes = Array.isArray(doc.nodes) ? Array.from(doc.nodes, nodeV0ToV1) : doc.nodes;
  return { ...doc, schemaVersion: 1, nodes };
}

import { CURRENT_SCHEMA_VERSION, flowDocumentSchema, type FlowDocument } from '../flow-document';
import { sizeDrafts } from '../validate/flow-limits';
import { hasErrors, toProblem, type Problem } from '../validate/problems';
import { readFlow } from '../validate/read-flow';
import { validateFlow } from '../validate/validate-flow';
import { issuesToDrafts } from '../validate/zod-issues';
import { v0ToV1 } from './v0-to-v1';

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** migrations[n] upgrades a version-n document to version n + 1. */
export const migrations: Readonly<Record<number, Migration>> = {
  0: v0ToV1,
};

export type MigrateResult = { doc: FlowDocument } | { problems: Problem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A document without schemaVersion predates versioning: it is v0. */
function versionOf(doc: Record<string, unknown>): unknown {
  return 'schemaVersion' in doc ? doc.schemaVersion : 0;
}

function upgrade(doc: Record<string, unknown>): Record<string, unknown> {
  let current = doc;
  let version = versionOf(current);
  while (typeof version === 'number' && Number.isInteger(version) && version < CURRENT_SCHEMA_VERSION) {
    const migration = migrations[version];
    if (!migration) break; // validation reports the unknown version
    current = migration(current);
    const next = versionOf(current);
    if (next !== version + 1) break; // each step must advance exactly one version, or we would loop
    version = next;
  }
  return current;
}

/**
 * Brings a stored or imported document of any known version to the current one. It fails only
 * when the result is not a FlowDocument; a draft with graph errors (unconnected outputs, …) is
 * still returned, since editors save drafts. Run validateFlow for those.
 */
export function migrateFlow(input: unknown): MigrateResult {
  const upgraded = isRecord(input) ? upgrade(input) : input;
  // The bounded reader first: a document over the limits, or whose nodes, edges or settings do not
  // read, fails without a whole-document parse (one issue per bad item, however many there are).
  if (sizeDrafts(upgraded).length > 0 || readFlow(upgraded).drafts.length > 0) {
    return { problems: validateFlow(upgraded) };
  }
  const parsed = flowDocumentSchema.safeParse(upgraded, { reportInput: true });
  if (parsed.success) return { doc: parsed.data };
  const problems = validateFlow(upgraded);
  // validateFlow reads the same schemas, so it reports these errors; the fallback guards that promise.
  return { problems: hasErrors(problems) ? problems : issuesToDrafts(parsed.error, '').map(toProblem) };
}

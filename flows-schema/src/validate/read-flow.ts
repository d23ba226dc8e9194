import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, flowEdgeSchema, flowSettingsSchema, nodeBaseSchema } from '../flow-document';
import { IDENTIFIER_PATTERN, isReservedVariableName } from '../interpolation/parse-template';
import { anyNodeDefinition, isNodeType } from '../nodes';
import { exceedsValues, FLOW_LIMITS } from './flow-limits';
import type { FlowModel, ModelEdge, ModelNode } from './flow-model';
import { prefixPath, type ProblemDraft } from './problems';
import { issuesToDrafts, typeName } from './zod-issues';

type Where = { prefix: string; ids: Pick<ProblemDraft, 'nodeId' | 'edgeId'> };

const PARSE = { reportInput: true } as const;
const anyArray = z.array(z.unknown());
const settingsSchema = flowSettingsSchema.prefault({});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Returns the problems and whether the rest of the document can be read as the current version. */
function readVersion(version: unknown): { drafts: ProblemDraft[]; readable: boolean } {
  if (version === CURRENT_SCHEMA_VERSION) return { drafts: [], readable: true };
  if (version === undefined) {
    return { drafts: [{ code: 'required_field', path: 'schemaVersion' }], readable: true };
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    const values = String(CURRENT_SCHEMA_VERSION);
    return { drafts: [{ code: 'invalid_value', path: 'schemaVersion', params: { values } }], readable: true };
  }
  const code = version > CURRENT_SCHEMA_VERSION ? 'unsupported_schema_version' : 'outdated_schema_version';
  return { drafts: [{ code, path: 'schemaVersion', params: { version } }], readable: false };
}

function readArray(value: unknown, key: string, drafts: ProblemDraft[]): unknown[] {
  const parsed = anyArray.safeParse(value, PARSE);
  if (parsed.success) return parsed.data;
  drafts.push(...issuesToDrafts(parsed.error, key));
  return [];
}

function typeProblem(type: unknown, where: Where): ProblemDraft {
  const path = prefixPath(where.prefix, 'type');
  if (type === undefined) return { code: 'required_field', path, ...where.ids };
  if (typeof type !== 'string') {
    return { code: 'invalid_type', path, params: { expected: typeName('string') }, ...where.ids };
  }
  return { code: 'unknown_node_type', path, params: { type }, ...where.ids };
}

// Base fields and config are parsed separately so a bad position does not hide config problems,
// and a node with a bad config still takes part in the graph rules.
function readNode(raw: unknown, index: number, drafts: ProblemDraft[]): ModelNode | undefined {
  const id = isRecord(raw) ? nonEmptyString(raw.id) : undefined;
  const where: Where =
    id === undefined ? { prefix: `nodes.${index}`, ids: {} } : { prefix: '', ids: { nodeId: id } };
  const base = nodeBaseSchema.safeParse(raw, PARSE);
  if (!base.success) drafts.push(...issuesToDrafts(base.error, where.prefix, where.ids));
  if (!isRecord(raw)) return undefined;
  if (!isNodeType(raw.type)) {
    drafts.push(typeProblem(raw.type, where));
    return undefined;
  }
  const def = anyNodeDefinition(raw.type);
  // Once the problem list is full, further configs are not parsed: what they would add is not shown.
  const readable =
    drafts.length < FLOW_LIMITS.maxProblems &&
    !tooMuchData(raw.config, prefixPath(where.prefix, 'config'), drafts, where.ids);
  const config = readable ? def.config.safeParse(raw.config, PARSE) : undefined;
  if (config?.success === false) {
    drafts.push(...issuesToDrafts(config.error, prefixPath(where.prefix, 'config'), where.ids));
  }
  if (id === undefined) return undefined;
  return { id, type: raw.type, index, def, config: config?.data, configValid: config?.success ?? false };
}

/** A schema makes one issue per bad item, so a section holding too much data is reported, not parsed. */
function tooMuchData(value: unknown, path: string, drafts: ProblemDraft[], ids: Where['ids'] = {}): boolean {
  if (!exceedsValues(value, FLOW_LIMITS.maxSectionValues)) return false;
  drafts.push({ code: 'too_much_data', path, params: { max: FLOW_LIMITS.maxSectionValues }, ...ids });
  return true;
}

function readEdge(raw: unknown, index: number, drafts: ProblemDraft[]): ModelEdge | undefined {
  const id = isRecord(raw) ? nonEmptyString(raw.id) : undefined;
  const parsed = flowEdgeSchema.safeParse(raw, PARSE);
  if (parsed.success) return { ...parsed.data, index };
  drafts.push(
    ...(id === undefined
      ? issuesToDrafts(parsed.error, `edges.${index}`)
      : issuesToDrafts(parsed.error, '', { edgeId: id })),
  );
  return undefined;
}

function readVariableNames(settings: unknown, drafts: ProblemDraft[]): Array<string | null> {
  if (tooMuchData(settings, 'settings', drafts)) return [];
  const parsed = settingsSchema.safeParse(settings, PARSE);
  if (parsed.success) return parsed.data.variables.map((variable) => variable.name);
  // The name pattern is the one format rule in settings; say what it is rather than "invalid format".
  const isNameFormat = (draft: ProblemDraft) =>
    draft.code === 'invalid_format' && /^settings\.variables\.\d+\.name$/.test(draft.path);
  const settingsDrafts = issuesToDrafts(parsed.error, 'settings');
  drafts.push(
    ...settingsDrafts.map((d): ProblemDraft =>
      isNameFormat(d) ? { ...d, code: 'invalid_variable_name' } : d,
    ),
  );
  // Keep whatever names are readable so template checks still know what was declared.
  const variables =
    isRecord(settings) && Array.isArray(settings.variables) ? Array.from(settings.variables) : [];
  return variables.map((variable: unknown) =>
    isRecord(variable) ? (nonEmptyString(variable.name) ?? null) : null,
  );
}

export function readFlow(input: unknown): { model: FlowModel | null; drafts: ProblemDraft[] } {
  if (!isRecord(input)) {
    return {
      model: null,
      drafts: [{ code: 'invalid_type', path: '', params: { expected: typeName('object') } }],
    };
  }
  const version = readVersion(input.schemaVersion);
  if (!version.readable) return { model: null, drafts: version.drafts };
  const drafts = version.drafts;
  const nodes = readArray(input.nodes, 'nodes', drafts).flatMap((raw, i) => readNode(raw, i, drafts) ?? []);
  const edges = readArray(input.edges, 'edges', drafts).flatMap((raw, i) => readEdge(raw, i, drafts) ?? []);
  const variableNames = readVariableNames(input.settings, drafts);
  const declared = variableNames.filter(
    (name): name is string => name !== null && IDENTIFIER_PATTERN.test(name),
  );
  const declaredVariables = new Set(declared.filter((name) => !isReservedVariableName(name)));
  return { model: { nodes, edges, variableNames, declaredVariables }, drafts };
}

import { contactAttributeOf } from '../../contacts/attribute-name';
import {
  extractVariables,
  findMalformedPlaceholders,
  isBuiltInVariable,
  isReservedVariableName,
} from '../../interpolation/parse-template';
import type { FlowModel, ModelNode } from '../flow-model';
import type { ProblemDraft } from '../problems';

/** Declared names must be unique and must not shadow a built-in or a contact's attribute (contact.*). */
export function checkDeclaredVariables(model: FlowModel): ProblemDraft[] {
  const seen = new Set<string>();
  return model.variableNames.flatMap((name, i): ProblemDraft[] => {
    if (name === null) return [];
    const path = `settings.variables.${i}.name`;
    if (isReservedVariableName(name)) return [{ code: 'reserved_variable_name', path, params: { name } }];
    if (seen.has(name)) return [{ code: 'duplicate_variable', path, params: { name } }];
    seen.add(name);
    return [];
  });
}

function templateProblems(node: ModelNode, declared: ReadonlySet<string>): ProblemDraft[] {
  if (!node.configValid) return [];
  return node.def.templates(node.config).flatMap(({ path, text }) => {
    const where = { nodeId: node.id, path: `config.${path}` };
    const undeclared = extractVariables(text).filter(
      (name) => !isBuiltInVariable(name) && contactAttributeOf(name) === null && !declared.has(name),
    );
    return [
      ...undeclared.map((name): ProblemDraft => ({
        code: 'undeclared_variable',
        ...where,
        params: { name },
      })),
      ...findMalformedPlaceholders(text).map((snippet): ProblemDraft => ({
        code: 'malformed_placeholder',
        ...where,
        params: { text: snippet },
      })),
    ];
  });
}

/** {{placeholders}} must name a built-in, a contact's attribute ({{contact.cidade}}) or a declared variable. */
export function checkTemplates(model: FlowModel): ProblemDraft[] {
  return model.nodes.flatMap((node) => templateProblems(node, model.declaredVariables));
}

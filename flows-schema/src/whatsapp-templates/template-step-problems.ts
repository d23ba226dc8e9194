// Each send_template step of a flow against the workspace's templates as WhatsApp holds them: the
// template it names (name + language) exists, is approved, and the step gives what it takes (as many
// body values as the body has variables, the header's kind, a value for every link / coupon button).
// A step published before buttons took values has none, so its button problems show here. The
// problems have validateFlow's shape, so the editor and publish list them with the others. Pure.
import { localized, type Localized } from '../localized';
import type { SendTemplateConfig } from '../nodes/send-template';
import { buttonName } from '../nodes/send-template';
import { toProblem, type Problem, type ProblemDraft } from '../validate/problems';
import { readFlow } from '../validate/read-flow';
import { variableCount } from './template-definition';
import { buttonParameters, headerParameter, templateBodyText } from './template-send';

/** A template of the workspace, from any of its WhatsApp channels. */
export type WorkspaceTemplate = { name: string; language: string; status: string; components: readonly unknown[] };

const STATUS: Readonly<Record<string, Localized>> = {
  PENDING: localized('in review', 'em análise'),
  REJECTED: localized('rejected', 'rejeitado'),
  PAUSED: localized('paused', 'pausado'),
  DISABLED: localized('disabled', 'desativado'),
  IN_APPEAL: localized('in appeal', 'em recurso'),
  LOCKED: localized('locked', 'bloqueado'),
  ARCHIVED: localized('archived', 'arquivado'),
  PENDING_DELETION: localized('being deleted', 'sendo excluído'),
};
const statusName = (status: string): Localized => STATUS[status] ?? localized(status.toLowerCase().replace(/_/g, ' '), status.toLowerCase().replace(/_/g, ' '));

const HEADER: Readonly<Record<SendTemplateConfig['headerType'], Localized>> = {
  none: localized('no value', 'nenhum valor'),
  text: localized('a text', 'um texto'),
  image: localized('an image', 'uma imagem'),
  video: localized('a video', 'um vídeo'),
  document: localized('a document', 'um documento'),
};

/** The send_template steps whose config reads, with the template they name. */
export function templateSteps(doc: unknown): Array<{ id: string; config: SendTemplateConfig }> {
  const { model } = readFlow(doc);
  return (model?.nodes ?? [])
    .filter((n) => n.type === 'send_template' && n.configValid && (n.config as SendTemplateConfig).name !== '')
    .map((n) => ({ id: n.id, config: n.config as SendTemplateConfig }));
}

function stepDrafts(config: SendTemplateConfig, templates: readonly WorkspaceTemplate[]): ProblemDraft[] {
  const { name, language } = config;
  const named = templates.filter((t) => t.name === name && t.language === language);
  const approved = named.find((t) => t.status === 'APPROVED');
  if (named.length === 0) return [{ code: 'template_missing', path: 'name', params: { name, language } }];
  if (!approved) return [{ code: 'template_not_approved', path: 'name', params: { name, status: statusName(named[0]!.status) } }];
  const drafts: ProblemDraft[] = [];
  const expected = variableCount(templateBodyText(approved.components));
  if (config.body.length !== expected) drafts.push({ code: 'template_body_count', path: 'body', params: { name, expected, given: config.body.length } });
  const header = headerParameter(approved.components) ?? 'none';
  if (config.headerType !== header) drafts.push({ code: 'template_header_mismatch', path: 'headerType', params: { name, expected: HEADER[header], given: HEADER[config.headerType] } });
  // An empty value of a button the step has is the step's own required_field already.
  for (const b of buttonParameters(approved.components)) {
    if (config.buttons.some((x) => x.index === b.index && x.subType === b.subType)) continue;
    const button = buttonName(b);
    drafts.push({ code: 'template_button_value', path: 'buttons', params: { name, button: localized(button.en.toLowerCase(), button['pt-BR'].toLowerCase()) } });
  }
  return drafts;
}

/** The problems of every send_template step of `doc` against the workspace's `templates`. */
export function templateStepProblems(doc: unknown, templates: readonly WorkspaceTemplate[]): Problem[] {
  return templateSteps(doc).flatMap(({ id, config }) =>
    stepDrafts(config, templates).map((d) => toProblem({ ...d, nodeId: id, path: `config.${d.path}` })));
}

import { z } from 'zod';
import { isAttributeName } from '../contacts/attribute-name';
import { localized, truncate, type Locale } from '../localized';
import type { ProblemDraft } from '../validate/problems';
import { handle, variableProblems } from './common';
import { defineNode, type CheckContext } from './define-node';
import { field } from './field-meta';

const ACTION_KINDS = ['add_tags', 'remove_tags', 'set_variable', 'set_attribute'] as const;
type ActionKind = (typeof ACTION_KINDS)[number];

// One row per action. Every row has every field so switching its kind never loses what was typed;
// the engine reads `tags` for the tag kinds and `name` + `value` for the others.
const actionItem = z.object({
  kind: field(z.enum(ACTION_KINDS), {
    label: localized('Action', 'Ação'),
    optionLabels: {
      add_tags: localized('Add tags', 'Adicionar etiquetas'),
      remove_tags: localized('Remove tags', 'Remover etiquetas'),
      set_variable: localized('Set a variable', 'Definir uma variável'),
      set_attribute: localized('Set a contact attribute', 'Definir um atributo do contato'),
    },
  }),
  tags: field(z.array(z.string().max(64)).max(20), {
    label: localized('Tags', 'Etiquetas'),
    hint: localized('Press Enter after each one. {{placeholders}} work here.', 'Tecle Enter depois de cada uma. {{placeholders}} funcionam aqui.'),
    placeholder: localized('e.g. lead', 'ex.: lead'),
    widget: 'tags',
  }),
  name: field(z.string().max(64), {
    label: localized('Name', 'Nome'),
    hint: localized(
      'The flow variable or contact attribute to set. An attribute name has letters, digits, _ . or - (no spaces).',
      'A variável do fluxo ou o atributo do contato a definir. Um nome de atributo tem letras, números, _ . ou - (sem espaços).',
    ),
    placeholder: localized('e.g. plan', 'ex.: plano'),
  }),
  value: field(z.string().max(1000), {
    label: localized('Value', 'Valor'),
    placeholder: localized('e.g. {{last_reply}}', 'ex.: {{last_reply}}'),
    widget: 'template',
    rows: 1,
  }),
});

const actionsConfig = z.object({
  actions: field(z.array(actionItem).max(20), { label: localized('Actions', 'Ações') }),
});

export type ActionsConfig = z.output<typeof actionsConfig>;
type ActionItem = ActionsConfig['actions'][number];

function newActionItem(kind: ActionKind = 'add_tags'): ActionItem {
  return { kind, tags: [], name: '', value: '' };
}

const isTagKind = (kind: ActionKind) => kind === 'add_tags' || kind === 'remove_tags';

function checkActions(config: ActionsConfig, ctx: CheckContext): ProblemDraft[] {
  return config.actions.flatMap((item, i): ProblemDraft[] => {
    const at = `actions.${i}`;
    if (isTagKind(item.kind)) {
      return item.tags.some((t) => t.trim() !== '') ? [] : [{ code: 'required_field', path: `${at}.tags` }];
    }
    if (item.name.trim() === '') return [{ code: 'required_field', path: `${at}.name` }];
    if (item.kind === 'set_variable') return variableProblems(item.name, `${at}.name`, ctx);
    // The contacts' own rule: what the drawer or an import can save, a flow can set ("aniversário").
    const name = item.name.trim();
    return isAttributeName(name) ? [] : [{ code: 'attribute_name_invalid', path: `${at}.name`, params: { name: truncate(name, 40) } }];
  });
}

const SUMMARY_WORDS: Record<ActionKind, Record<Locale, string>> = {
  add_tags: { en: '+', 'pt-BR': '+' },
  remove_tags: { en: '−', 'pt-BR': '−' },
  set_variable: { en: '', 'pt-BR': '' },
  set_attribute: { en: 'contact.', 'pt-BR': 'contato.' },
};

function summarize(config: ActionsConfig, locale: Locale = 'en'): string {
  const parts = config.actions.map((item) =>
    isTagKind(item.kind) ? `${SUMMARY_WORDS[item.kind][locale]}${item.tags.join(', ')}` : `${SUMMARY_WORDS[item.kind][locale]}${item.name} = ${item.value}`,
  );
  return truncate(parts.join(' · '), 60);
}

export const actionsNode = defineNode({
  type: 'actions',
  version: 1,
  icon: 'adjustments',
  color: 'cyan',
  label: localized('Actions', 'Ações'),
  description: localized(
    'Tags the contact, sets variables or contact attributes, without sending anything to the customer.',
    'Etiqueta o contato, define variáveis ou atributos do contato, sem enviar nada ao cliente.',
  ),
  config: actionsConfig,
  isEntry: false,
  defaults: (): ActionsConfig => ({ actions: [newActionItem()] }),
  outputs: () => [handle('next', localized('Next', 'Próximo'), true)],
  summary: summarize,
  waitsForCustomer: () => false,
  templates: (config) =>
    config.actions.flatMap((item, i) =>
      isTagKind(item.kind)
        ? item.tags.map((text, j) => ({ path: `actions.${i}.tags.${j}`, text }))
        : [{ path: `actions.${i}.value`, text: item.value }],
    ),
  check: checkActions,
});

import { z } from 'zod';
import { localized, truncate } from '../localized';
import { defineNode } from './define-node';
import { field } from './field-meta';

const transferConfig = z.object({
  team: field(z.string().nullable(), {
    label: localized('Team', 'Equipe'),
    hint: localized(
      'Leave empty so anyone on the team can pick it up.',
      'Deixe vazio para que qualquer pessoa da equipe possa atender.',
    ),
    placeholder: localized('e.g. sales', 'ex.: vendas'),
  }),
  message: field(z.string(), {
    label: localized('Message to the customer', 'Mensagem ao cliente'),
    placeholder: localized(
      'e.g. {{contact.name | "Hi"}}, an agent will be with you shortly.',
      'ex.: {{contact.name | "Olá"}}, um atendente já vai falar com você.',
    ),
    widget: 'template',
  }),
  tags: field(z.array(z.string()), {
    label: localized('Tags to add', 'Etiquetas a adicionar'),
    hint: localized('Press Enter after each one.', 'Tecle Enter depois de cada uma.'),
    widget: 'tags',
  }),
});

export type TransferConfig = z.output<typeof transferConfig>;

export const transferNode = defineNode({
  type: 'transfer',
  version: 1,
  icon: 'headset',
  color: 'blue',
  label: localized('Transfer to a human', 'Transferir para atendente'),
  description: localized(
    'Ends the bot and hands the conversation to the team inbox.',
    'Encerra o bot e passa a conversa para a caixa de entrada da equipe.',
  ),
  config: transferConfig,
  isEntry: false,
  defaults: () => ({ team: null, message: '', tags: [] }),
  // Terminal: from here on humans answer, so there is nothing to connect.
  outputs: () => [],
  summary: (config, locale = 'en') =>
    truncate(config.team ?? (locale === 'en' ? 'Any agent' : 'Qualquer atendente'), 40),
  waitsForCustomer: () => false,
  templates: (config) => [{ path: 'message', text: config.message }],
  // The builder's test chat says "handed to a human"; a customer hears nothing unless the step says it.
  check: (config) => (config.message.trim() === '' ? [{ code: 'transfer_message_empty', path: 'message' }] : []),
});

import { z } from 'zod';
import { localized, truncate } from '../localized';
import { defineNode } from './define-node';

const transferConfig = z.object({
  team: z
    .string()
    .nullable()
    .meta({ label: localized('Team (empty = anyone)', 'Equipe (vazio = qualquer)') }),
  message: z.string().meta({
    label: localized('Message to the customer', 'Mensagem ao cliente'),
    placeholder: 'Um atendente já vai falar com você, {{contact.name}}.',
  }),
  tags: z.array(z.string()).meta({ label: localized('Tags to add', 'Etiquetas a adicionar') }),
});

export type TransferConfig = z.output<typeof transferConfig>;

export const transferNode = defineNode({
  type: 'transfer',
  version: 1,
  icon: 'headset',
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
});

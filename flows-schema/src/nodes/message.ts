import { localized, truncate } from '../localized';
import { handle, uniqueHandles } from './common';
import { defineNode, type OutputHandle } from './define-node';
import { checkMessage } from './message-checks';
import { messageConfig, type MessageConfig } from './message-config';

export type { MessageConfig } from './message-config';

const noMatch = handle('no_match', localized('Other reply', 'Outra resposta'), false);

/** A choice's own title, or its place when it has none yet ("Connect the “Button 2” output", not “”). */
const choiceLabel = (title: string, n: number, en: string, pt: string) => (title.trim() ? localized(title, title) : localized(`${en} ${n}`, `${pt} ${n}`));

function messageOutputs(config: MessageConfig): OutputHandle[] {
  if (config.buttons.length > 0) {
    const buttons = config.buttons.map((b, i) => handle(`btn:${b.id}`, choiceLabel(b.title, i + 1, 'Button', 'Botão'), true));
    return [...uniqueHandles(buttons), noMatch];
  }
  if (config.list) {
    const rows = config.list.rows.map((r, i) => handle(`row:${r.id}`, choiceLabel(r.title, i + 1, 'Option', 'Opção'), true));
    return [...uniqueHandles(rows), noMatch];
  }
  // Ending a conversation with a plain message ("Thanks, bye!") is normal, so `next` is optional.
  return [handle('next', localized('Next', 'Próximo'), false)];
}

export const messageNode = defineNode({
  type: 'message',
  version: 1,
  icon: 'message',
  color: 'teal',
  label: localized('Message', 'Mensagem'),
  description: localized(
    'Sends text, media, reply buttons or a list.',
    'Envia texto, mídia, botões de resposta ou uma lista.',
  ),
  config: messageConfig,
  isEntry: false,
  defaults: () => ({ text: '', buttons: [], list: null, media: null, typingDelayMs: 0 }),
  outputs: messageOutputs,
  summary(config) {
    const media = config.media ? `[${config.media.kind}] ` : '';
    const choices = config.buttons.map((button) => `[${button.title}]`).join(' ');
    return truncate(`${media}${config.text} ${choices}`, 80);
  },
  waitsForCustomer: (config) => config.buttons.length > 0 || config.list !== null,
  templates: (config) => [{ path: 'text', text: config.text }],
  check: checkMessage,
});

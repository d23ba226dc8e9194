import { localized, truncate, type Localized } from '../localized';
import { choiceLabel, handle, uniqueHandles } from './common';
import { defineNode, type OutputHandle } from './define-node';
import { checkMessage } from './message-checks';
import { messageConfig, type MessageConfig } from './message-config';

export type { MessageConfig } from './message-config';

const noMatch = handle('no_match', localized('Other reply', 'Outra resposta'), false);


/** The media kind as the card names it, in the editor's language (the config keeps the wire value). */
const MEDIA_KIND: Record<NonNullable<MessageConfig['media']>['kind'], Localized> = {
  image: localized('Image', 'Imagem'),
  video: localized('Video', 'Vídeo'),
  audio: localized('Audio', 'Áudio'),
  document: localized('Document', 'Documento'),
};

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
  summary(config, locale = 'en') {
    const media = config.media ? `[${MEDIA_KIND[config.media.kind][locale]}] ` : '';
    // A button not named yet reads as its place, as its output does, rather than "[]".
    const choices = config.buttons.map((button, i) => `[${choiceLabel(button.title, i + 1, 'Button', 'Botão')[locale]}]`).join(' ');
    return truncate(`${media}${config.text} ${choices}`, 80);
  },
  waitsForCustomer: (config) => config.buttons.length > 0 || config.list !== null,
  templates: (config) => [{ path: 'text', text: config.text }],
  check: checkMessage,
});

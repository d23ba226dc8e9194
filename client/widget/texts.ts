// Everything the widget says, in the channel's language (Settings → Channels), not the visitor's browser's.
import type { Appearance } from './api';

export type Texts = Record<
  'title' | 'placeholder' | 'send' | 'empty' | 'open' | 'close' | 'agent' | 'file' | 'closed' | 'notSent' | 'typing' | 'unreadOne' | 'unreadMany',
  string
>;

export const TEXT: Record<Appearance['language'], Texts> = {
  en: { title: 'Chat with us', placeholder: 'Type a message…', send: 'Send', empty: 'Say hello to start the conversation.', open: 'Open chat', close: 'Close chat', agent: 'Agent', file: 'File', closed: 'This chat was closed. Write again if you need anything else.', notSent: 'Not sent. Tap to try again.', typing: '{name} is typing…', unreadOne: '1 new message', unreadMany: '{count} new messages' },
  'pt-BR': { title: 'Fale com a gente', placeholder: 'Digite uma mensagem…', send: 'Enviar', empty: 'Diga olá para começar a conversa.', open: 'Abrir chat', close: 'Fechar chat', agent: 'Atendente', file: 'Arquivo', closed: 'Esta conversa foi encerrada. Escreva de novo se precisar de algo mais.', notSent: 'Não enviada. Toque para tentar de novo.', typing: '{name} está digitando…', unreadOne: '1 mensagem nova', unreadMany: '{count} mensagens novas' },
};

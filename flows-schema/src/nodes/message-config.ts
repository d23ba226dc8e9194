import { z } from 'zod';
import { localized } from '../localized';
import { field } from './field-meta';

const buttonSchema = z.object({
  id: z.string().min(1),
  title: field(z.string(), {
    label: localized('Button', 'Botão'),
    placeholder: localized('e.g. Yes, please', 'ex.: Sim, quero'),
  }),
});

const listRowSchema = z.object({
  id: z.string().min(1),
  title: field(z.string(), {
    label: localized('Option', 'Opção'),
    placeholder: localized('e.g. Opening hours', 'ex.: Horário de atendimento'),
  }),
  description: field(z.string().optional(), {
    label: localized('Description (optional)', 'Descrição (opcional)'),
  }),
});

const listSchema = z.object({
  buttonLabel: field(z.string(), {
    label: localized('List button label', 'Texto do botão da lista'),
    placeholder: localized('e.g. See options', 'ex.: Ver opções'),
  }),
  rows: z.array(listRowSchema),
});

const mediaSchema = z.object({
  kind: field(z.enum(['image', 'document', 'audio', 'video']), {
    label: localized('Attachment', 'Anexo'),
    optionLabels: {
      image: localized('Image', 'Imagem'),
      document: localized('Document', 'Documento'),
      audio: localized('Audio', 'Áudio'),
      video: localized('Video', 'Vídeo'),
    },
  }),
  url: field(z.string().optional(), {
    label: localized('File link', 'Link do arquivo'),
    placeholder: 'https://…',
  }),
  storageKey: field(z.string().optional(), { label: localized('Stored file', 'Arquivo guardado'), widget: 'hidden' }),
  filename: field(z.string().optional(), {
    label: localized('File name', 'Nome do arquivo'),
    placeholder: localized('e.g. menu.pdf', 'ex.: cardapio.pdf'),
  }),
});

export const messageConfig = z.object({
  text: field(z.string(), {
    label: localized('Message', 'Mensagem'),
    // With a fallback: a web-chat visitor (or a contact WhatsApp gave no name) has none.
    placeholder: localized('e.g. Hi {{contact.name | "there"}}! How can we help?', 'ex.: Oi, {{contact.name | "tudo bem"}}? Como podemos ajudar?'),
    widget: 'template',
  }),
  buttons: z.array(buttonSchema),
  list: listSchema.nullable(),
  media: mediaSchema.nullable(),
  typingDelayMs: field(z.int().min(0).max(10_000), {
    label: localized('Typing delay (ms)', 'Tempo “digitando” (ms)'),
    hint: localized(
      'Shows “typing…” before sending, so it feels less robotic.',
      'Mostra “digitando…” antes de enviar, para parecer menos robótico.',
    ),
    step: 500,
  }),
});

export type MessageConfig = z.output<typeof messageConfig>;

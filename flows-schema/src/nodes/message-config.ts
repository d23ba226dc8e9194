import { z } from 'zod';
import { localized } from '../localized';

const buttonSchema = z.object({
  id: z.string().min(1),
  title: z.string().meta({ label: localized('Button title', 'Título do botão'), placeholder: 'Sim' }),
});

const listRowSchema = z.object({
  id: z.string().min(1),
  title: z.string().meta({ label: localized('Row title', 'Título da linha') }),
  description: z.string().optional(),
});

const listSchema = z.object({
  buttonLabel: z
    .string()
    .meta({ label: localized('List button', 'Botão da lista'), placeholder: 'Ver opções' }),
  rows: z.array(listRowSchema),
});

const mediaSchema = z.object({
  kind: z.enum(['image', 'document', 'audio', 'video']),
  url: z.string().optional(),
  storageKey: z.string().optional(),
  filename: z.string().optional(),
});

export const messageConfig = z.object({
  text: z.string().meta({ label: localized('Text', 'Texto'), placeholder: 'Olá {{contact.name}}!' }),
  buttons: z.array(buttonSchema),
  list: listSchema.nullable(),
  media: mediaSchema.nullable(),
  typingDelayMs: z
    .int()
    .min(0)
    .max(10_000)
    .meta({ label: localized('Typing delay (ms)', 'Atraso de digitação (ms)') }),
});

export type MessageConfig = z.output<typeof messageConfig>;

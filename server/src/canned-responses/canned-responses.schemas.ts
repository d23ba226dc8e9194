import { z } from 'zod';

/**
 * Typed after a slash in the composer: one word, the slash itself optional on input. Composed (NFC),
 * so "açaí" typed where accents come as separate marks (macOS, some keyboards) is a word too, and
 * the same word as the one the composer matches.
 */
const shortcut = z
  .string()
  .trim()
  .transform((s) => s.replace(/^\//, '').normalize('NFC'))
  .pipe(z.string().min(1).max(32).regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, - and _ only'));
const text = z.string().trim().min(1).max(4096);

export const createCannedBody = z.object({ shortcut, text });
export const updateCannedBody = z.object({ shortcut: shortcut.optional(), text: text.optional() }).refine((b) => b.shortcut !== undefined || b.text !== undefined, 'Nothing to change');
export const listCannedQuery = z.object({ q: z.string().trim().max(100).optional() });
export type UpdateCanned = z.infer<typeof updateCannedBody>;

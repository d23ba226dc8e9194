import { z } from 'zod';
import { ATTRIBUTE_KEY } from './import-lines';

const tag = z.string().trim().min(1).max(64);
const attributeValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

export const updateContactBody = z
  .object({
    name: z.string().trim().max(200).nullable().optional(),
    tags: z.array(tag).max(50).transform((tags) => [...new Set(tags)]).optional(),
    /** Merged into the stored attributes; a key set to null is removed. */
    attributes: z.record(z.string().regex(ATTRIBUTE_KEY, 'letters, digits, _ . - only, up to 64'), attributeValue)
      .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes at once')
      .optional(),
  })
  .refine((b) => b.name !== undefined || b.tags !== undefined || b.attributes !== undefined, 'Nothing to change');
export type UpdateContact = z.infer<typeof updateContactBody>;

export const listContactsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  tag: tag.optional(),
  channelId: z.uuid().optional(),
  optedOut: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const importQuery = z.object({ channelId: z.uuid().optional() });

import { attributeNameProblem, CONTACT_LIMITS as L } from '@zyntra/flows-schema';
import { z } from 'zod';
import { isCountryCode, MAX_PHONE_INPUT } from './phone';

const tag = z.string().trim().min(1).max(L.tag);
const attributeValue = z.union([z.string().max(L.attributeValue), z.number(), z.boolean(), z.null()]);
const RESERVED = '__proto__, constructor and prototype are reserved names';
const NAME_RULE = 'an attribute name has letters, digits, _ . - only (no spaces), up to 64';
/** The one rule (flows-schema); `reason` attribute_name tells a client the name is refused, not the value. */
const attributeKey = z.string().superRefine((k, ctx) => {
  const problem = attributeNameProblem(k);
  if (problem) ctx.addIssue({ code: 'custom', message: problem === 'reserved' ? RESERVED : NAME_RULE, params: { reason: 'attribute_name' } });
});
/** Merged into the stored attributes; a key set to null is removed. A bad key is named with why. */
const attributes = z.preprocess(
  (value, ctx) => {
    // zod leaves a "__proto__" key out of the record without a word: refuse it like the other reserved names.
    if (value && typeof value === 'object' && Object.hasOwn(value, '__proto__')) ctx.addIssue({ code: 'custom', path: ['__proto__'], message: RESERVED, params: { reason: 'attribute_name' } });
    return value;
  },
  z.record(attributeKey, attributeValue, { error: (iss) => (iss.code === 'invalid_key' ? iss.issues[0]?.message : undefined) })
    .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes at once'),
);

/** What a person may set on a contact, by PATCH or when adding one: the same rules for both. */
const contactFields = {
  // Blanks clear the name as null does: a contact is nameless, never named "" (lists would show nothing for it).
  name: z.string().trim().max(L.name).transform((v) => v || null).nullable().optional(),
  tags: z.array(tag).max(L.tags).transform((tags) => [...new Set(tags)]).optional(),
  attributes: attributes.optional(),
};

export const updateContactBody = z
  .object({
    ...contactFields,
    /** Recorded by hand (a customer asked on the phone, at the counter…): consent source "agent". */
    optedOut: z.boolean().optional(),
  })
  .refine((b) => b.name !== undefined || b.tags !== undefined || b.attributes !== undefined || b.optedOut !== undefined, 'Nothing to change');
export type UpdateContact = z.infer<typeof updateContactBody>;

/** One contact added by an integration (a CRM, a form); the phone is read as the CSV import reads it. */
export const createContactBody = z.object({
  phone: z.string().trim().min(1, 'A phone number is required').max(MAX_PHONE_INPUT, `At most ${MAX_PHONE_INPUT} characters`)
    .describe("As people write it (+55 11 98888-7777, (11) 98888-7777…); without a country code it is the workspace's default country's"),
  ...contactFields,
  channelId: z.uuid().optional().describe("One of the workspace's WhatsApp channels; by default the oldest, as the CSV import chooses"),
});
export type CreateContact = z.infer<typeof createContactBody>;

export const listContactsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  tag: tag.optional(),
  channelId: z.uuid().optional(),
  optedOut: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A contact field renamed: `from` in any letter case (also a name from before the rule), `to` as any name is checked. */
export const renameAttributeBody = z.object({
  from: z.string().min(1).max(200).describe("The field's name, in any letter case"),
  to: attributeKey.describe('The new name: letters, digits, _ . - (no spaces), up to 64; only its letter case, or a name, new or of a field to merge into'),
});
export const attributeNameParam = z.object({ name: z.string().min(1).max(200) });

export const importQuery = z.object({ channelId: z.uuid().optional() });
export const importParam = z.object({ importId: z.uuid() });

/** ISO 3166 alpha-2 country that numbers written without a country code belong to. */
export const contactSettingsBody = z.object({
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code such as BR').refine(isCountryCode, 'Unknown country code'),
});

import { contactAttributeOf } from '@zyntra/flows-schema';
import type { TFunction } from 'i18next';

/** "Contact: cidade" for contact.cidade; null for a name that is no contact attribute. */
export function contactFieldLabel(t: TFunction, field: string): string | null {
  const name = contactAttributeOf(field);
  return name === null ? null : t('builder.fields.contactAttribute', { name });
}

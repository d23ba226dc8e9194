// An inbound sender's WhatsApp id against the directory: its canonical phone, whose digits are one of
// the ids the sender is looked up by, so a contact imported under the other spelling of a Brazilian
// mobile gets the conversation instead of a duplicate.
import { normalizePhone } from './phone';

/** The canonical E.164 form of a provider phone (a WhatsApp id: international digits). */
export const canonicalOfProviderPhone = (phone: string | null): string | null =>
  phone && /^\d{8,15}$/.test(phone) ? normalizePhone(phone, 'BR', { international: true }) : null;

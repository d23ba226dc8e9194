// What a stored inbound message keeps of the provider's message, normalised per type so the inbox,
// list previews and search never read a provider's wire format. One shape for every provider: a
// provider that lacks a concept simply never fills that part. docs/message-content.md describes it.

export type InboundMedia = { providerMediaId: string; mimeType: string; filename: string | null; voice: boolean };

export type LocationContent = { latitude: number | null; longitude: number | null; name: string | null; address: string | null; url: string | null };

export type ContactCard = {
  name: string;
  phones: Array<{ phone: string; type: string | null; waId: string | null }>;
  emails: string[];
  organization: string | null;
};

export type OrderContent = {
  catalogId: string | null;
  text: string | null;
  items: Array<{ productId: string; quantity: number; price: number | null; currency: string | null }>;
};

/** A tap on our buttons or list, or the answers of a WhatsApp Flow form (`nfm_reply`). */
export type InteractiveReply =
  | { kind: 'button_reply' | 'list_reply'; id: string; title: string; description: string | null }
  | { kind: 'nfm_reply'; name: string | null; body: string | null; response: Record<string, unknown> }
  /** Consent to be called (call permission request answered). */
  | { kind: 'call_permission_reply'; accepted: boolean };

export type ReactionContent = {
  /** The provider id of the message reacted to. */
  messageId: string;
  /** Null: the reaction was removed. */
  emoji: string | null;
  /** Filled in when stored: what the target said, for the readable text. */
  targetText?: string | null;
};

export type EditContent = { messageId: string; text: string };
export type RevokeContent = { messageId: string };

export type SystemContent = {
  /** customer_changed_number | user_changed_number | user_changed_user_id | customer_identity_changed | … */
  kind: string;
  body: string | null;
  /** The new number (wa_id) when the customer changed numbers. */
  newWaId: string | null;
  /** The new business-scoped user id when it changed. */
  newUserId: string | null;
};

export type QuotedContext = { messageId: string; from: string | null };

export type Referral = {
  sourceUrl: string | null;
  sourceType: string | null;
  sourceId: string | null;
  headline: string | null;
  body: string | null;
  ctwaClid: string | null;
};

export type MessageContent = {
  /**
   * text | image | audio | video | document | sticker | location | contacts | order | interactive |
   * button | reaction | edit | revoke | system | unsupported | other
   */
  type: string;
  /** The customer's own words when the type has them (text body, caption, tapped title), else ''. */
  text: string;
  /** The id of the button or list row tapped, or a template quick-reply payload. */
  replyId: string | null;
  media: InboundMedia | null;
  location?: LocationContent;
  contacts?: ContactCard[];
  order?: OrderContent;
  interactive?: InteractiveReply;
  reaction?: ReactionContent;
  edit?: EditContent;
  revoke?: RevokeContent;
  system?: SystemContent;
  /** Why the provider could not deliver the message's content (e.g. a message type it does not support). */
  unsupported?: { code: string | null; reason: string };
  context?: QuotedContext;
  forwarded?: boolean;
  frequentlyForwarded?: boolean;
  referral?: Referral;
};

/** Kinds of inbound event that are not a customer's message: they update the thread, never run a flow. */
export const UPDATE_TYPES = ['reaction', 'edit', 'revoke', 'system'] as const;

export function isUpdateContent(content: Pick<MessageContent, 'type' | 'interactive'>): boolean {
  return (UPDATE_TYPES as readonly string[]).includes(content.type) || content.interactive?.kind === 'call_permission_reply';
}

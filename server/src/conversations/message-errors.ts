// A failed message's reason in plain words for the agent. `messages.error` holds "<code>: <provider
// text>"; codes are WhatsApp Graph error codes (reference/channels.md §1.7) or our own send codes.
// The client may translate by `error` code; this is the English text.
const REASONS: Record<string, string> = {
  131047: 'More than 24 hours have passed since the customer last wrote. Only an approved template can be sent now.',
  131026: 'The message could not be delivered: the number may not be on WhatsApp, or the customer uses an old app version.',
  130429: 'Too many messages were sent from this number in a short time (WhatsApp rate limit).',
  131056: 'Too many messages were sent to this customer in a short time. Wait a little and try again.',
  131048: 'WhatsApp limited this number because of spam reports.',
  131049: 'WhatsApp held back this marketing message to protect the customer from too many of them.',
  131050: 'The customer stopped marketing messages from this business.',
  130472: 'The customer is part of a WhatsApp experiment and did not receive this message.',
  131051: 'This type of message is not supported.',
  131052: "The customer's file could not be downloaded.",
  131053: 'WhatsApp could not process the file (its type, size or link).',
  131062: 'This customer can only be reached by phone number for this kind of message.',
  131000: 'WhatsApp had a temporary problem sending the message.',
  2: 'WhatsApp was temporarily unavailable.',
  190: 'The WhatsApp access token is invalid or expired. Reconnect the channel in Settings.',
  10: 'The WhatsApp app lacks permission to send from this number.',
  200: 'The WhatsApp app lacks permission to send from this number.',
  368: 'The WhatsApp account is restricted by a policy block.',
  131031: 'The WhatsApp business account is locked.',
  100: 'WhatsApp refused the message as invalid.',
  131008: 'WhatsApp refused the message: a required part is missing.',
  131009: 'WhatsApp refused the message: a value is not valid.',
  132000: "The template's parameters do not match the template.",
  132001: 'The template does not exist in this language or is not approved.',
  132015: 'The template is paused because of low quality.',
  132016: 'The template was disabled by WhatsApp.',
  channel_gone: 'The channel this conversation came from was removed.',
  unsupported_channel: 'This channel cannot send this message.',
  media_forbidden: 'The file does not belong to this workspace.',
  media_missing: 'The attached file is no longer available.',
  network: 'The messaging provider could not be reached.',
};

/** Splits "131047: Re-engagement message" into its code and the provider's own words. */
export function splitError(error: string | null): { code: string; detail: string } | null {
  if (!error) return null;
  const at = error.indexOf(': ');
  return at < 0 ? { code: error, detail: '' } : { code: error.slice(0, at), detail: error.slice(at + 2) };
}

export function errorText(error: string | null): string | null {
  const parts = splitError(error);
  if (!parts) return null;
  return REASONS[parts.code] ?? (parts.detail || 'The message could not be sent.');
}

// Why a recipient was skipped or failed, as a stable code and in plain words. Provider error codes
// (reference/whatsapp-templates.md §4) map to the codes the API and the client show.

export const REASONS = {
  opted_out: 'The contact opted out of messages from this business.',
  marketing_limit: 'WhatsApp held the message back: this person already got their share of marketing messages (131049). Not retried within 24 hours.',
  marketing_stopped: 'The person stopped marketing messages from this business in WhatsApp (131050); they are now opted out.',
  marketing_experiment: "The person is in Meta's marketing experiment group and does not receive marketing messages (130472).",
  pair_rate: 'WhatsApp kept refusing more messages to this person for now (131056).',
  undeliverable: 'The number is not on WhatsApp or cannot receive this message (131026).',
  no_phone: 'The contact has no phone number.',
  missing_value: 'A template parameter came out empty for this contact (WhatsApp refuses empty parameters); give it a default, e.g. {{contact.name | "cliente"}}.',
  campaign_cancelled: 'The campaign was cancelled before this message went out.',
  send_failed: 'WhatsApp refused the message.',
} as const;

export type ReasonCode = keyof typeof REASONS;

const BY_PROVIDER_CODE: Record<string, ReasonCode> = {
  '131049': 'marketing_limit',
  '131050': 'marketing_stopped',
  '130472': 'marketing_experiment',
  '131056': 'pair_rate',
  '131026': 'undeliverable',
};

/** A message error is stored as "<code>: <details>". */
export function reasonOfMessageError(error: string | null): ReasonCode | null {
  if (!error) return null;
  const code = error.split(':')[0]!.trim();
  return BY_PROVIDER_CODE[code] ?? 'send_failed';
}

export const reasonText = (code: string | null): string | null => (code && code in REASONS ? REASONS[code as ReasonCode] : code);

/** Template problems stop the whole campaign (it is paused and the owner told), not one recipient. */
export const TEMPLATE_STOPPERS: Record<string, string> = {
  '132001': 'template_not_approved',
  '132000': 'template_parameters',
  '132012': 'template_parameters',
  '132015': 'template_paused',
  '132016': 'template_disabled',
  '131048': 'spam_rate_limit',
  '131063': 'marketing_disabled',
};

export const PAUSE_REASONS: Record<string, string> = {
  template_not_approved: 'WhatsApp has no approved template with this name and language (132001).',
  template_parameters: "The parameters do not match the template's variables (132000).",
  template_paused: 'WhatsApp paused the template because of low quality (132015). Resume when it is active again.',
  template_disabled: 'WhatsApp disabled the template (132016). Choose another template.',
  template_deleted: 'The template was deleted (here or in WhatsApp Manager). Create the campaign again with another template.',
  spam_rate_limit: 'WhatsApp limited this number for spam (131048). Wait before resuming.',
  marketing_disabled: 'Marketing templates are disabled for this number on the Cloud API (131063).',
  by_user: 'Paused by a member of the workspace.',
};

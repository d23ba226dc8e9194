// The longest text each field of a channel or a contact takes: the server's schemas refuse longer,
// and the forms stop typing at the same length, so a careless paste never makes a round trip.
export const CHANNEL_LIMITS = {
  name: 80,
  phoneNumberId: 64,
  businessAccountId: 64,
  accessToken: 1024,
  appSecret: 256,
  verifyToken: 256,
  instance: 128,
  apiKey: 512,
  webhookToken: 256,
  /** The widget's header title. */
  title: 60,
} as const;

/** The shortest Evolution webhook token: a guessable one can't be registered. */
export const WEBHOOK_TOKEN_MIN = 8;

export const CONTACT_LIMITS = { name: 200, tag: 64, tags: 50, attributeValue: 1000 } as const;

/** A campaign's name: the server refuses a longer one, and the wizard stops typing there. */
export const CAMPAIGN_LIMITS = { name: 120 } as const;

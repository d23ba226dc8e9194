// What each channel type asks for, and the pure rules behind the add-channel form, kept apart
// from the components so they can be unit tested without a DOM.
import { CHANNEL_LIMITS, WEBHOOK_TOKEN_MIN } from '@zyntra/flows-schema';
import type { FieldMessages, Message } from '../../auth/form-errors';
import type { ChannelType } from './channels-api';

export type ConfigKey =
  | 'phoneNumberId'
  | 'businessAccountId'
  | 'accessToken'
  | 'appSecret'
  | 'verifyToken'
  | 'baseUrl'
  | 'instance'
  | 'apiKey'
  | 'webhookToken'
  | 'language'
  | 'color'
  | 'title';

/** Every input of the form: the channel's own name plus its type's config keys. */
export type FormField = 'name' | ConfigKey;

export interface FieldSpec {
  key: ConfigKey;
  /** Rendered as a password input: never echoed on screen unless the user asks. */
  secret?: boolean;
  /** A value Zyntra invents (the user pastes it into the provider), prefilled and regenerable. */
  generated?: boolean;
  /** Placeholder that is the same in every language (ids, URLs). */
  placeholder?: string;
  minLength?: number;
  url?: boolean;
  /** A choice among these values (labels in settings.fields.<key>.options). */
  choices?: readonly string[];
  /** A #rrggbb colour. */
  color?: boolean;
  /** An id made of digits only (Meta's phone-number and business-account ids). */
  digits?: boolean;
  /** May be left empty (then it is not sent). */
  optional?: boolean;
  /** The value a new form starts with, and the one a channel that never set it has. */
  initial?: string;
  /** Its hint under settings.fields.<key>.<hint> when the kind of channel says more ("description" otherwise). */
  hint?: string;
}

/**
 * The language of what Zyntra itself writes to the channel's customers (the satisfaction survey; on web
 * chat the widget too), the same select on every kind of channel. The bot's messages are the marketer's.
 */
const CUSTOMERS_LANGUAGE = { key: 'language', choices: ['pt-BR', 'en'], initial: 'pt-BR' } as const;

export const CHANNEL_FIELDS = {
  whatsapp_cloud: [
    { key: 'phoneNumberId', placeholder: '123456789012345', digits: true },
    { key: 'businessAccountId', placeholder: '102345678901234', digits: true },
    { key: 'accessToken', secret: true },
    { key: 'appSecret', secret: true },
    { key: 'verifyToken', secret: true, generated: true },
    CUSTOMERS_LANGUAGE,
  ],
  evolution: [
    { key: 'baseUrl', placeholder: 'https://evolution.example.com', url: true },
    { key: 'instance', placeholder: 'loja-centro' },
    { key: 'apiKey', secret: true },
    // The server requires a minimum length so a guessable token can't be registered.
    { key: 'webhookToken', secret: true, generated: true, minLength: WEBHOOK_TOKEN_MIN },
    CUSTOMERS_LANGUAGE,
  ],
  // The widget's look on the tenant's site: language and accent are the channel's, not the visitor's.
  webchat: [
    { ...CUSTOMERS_LANGUAGE, hint: 'descriptionWebchat' },
    { key: 'color', color: true, initial: '#12b886' },
    { key: 'title', optional: true },
  ],
} as const satisfies Record<ChannelType, readonly FieldSpec[]>;

export const fieldsOf = (type: ChannelType): readonly FieldSpec[] => CHANNEL_FIELDS[type];

/** The longest value the server takes for a field, so the input stops there; none for choices and colours. */
export const maxLengthOf = (field: FormField): number | undefined =>
  Object.hasOwn(CHANNEL_LIMITS, field) ? CHANNEL_LIMITS[field as keyof typeof CHANNEL_LIMITS] : undefined;

/** The header Evolution must send with each event; the server compares it with webhookToken. */
export const EVOLUTION_TOKEN_HEADER = 'x-zyntra-token';

/** 32 random bytes, base64url: unguessable and safe to paste into any provider's form. */
export function generateToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export type FormValues = Partial<Record<FormField, string>>;

/** Fresh values for a type: empty inputs except the tokens Zyntra generates. */
export function initialValues(type: ChannelType): FormValues {
  const values: FormValues = { name: '' };
  for (const f of fieldsOf(type) as readonly FieldSpec[]) values[f.key] = f.generated ? generateToken() : (f.initial ?? '');
  return values;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An existing channel's values: its name and visible settings; secrets empty (kept unless retyped). */
export function editValues(type: ChannelType, channel: { name: string; config: Record<string, string> }): FormValues {
  const values: FormValues = { name: channel.name };
  for (const f of fieldsOf(type) as readonly FieldSpec[]) values[f.key] = f.secret ? '' : String(channel.config[f.key] ?? f.initial ?? '');
  return values;
}

/** The settings an edit changes: retyped secrets and visible values that differ from the channel's. */
export function changedConfig(type: ChannelType, channel: { config: Record<string, string> }, values: FormValues): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const f of fieldsOf(type) as readonly FieldSpec[]) {
    const value = (values[f.key] ?? '').trim();
    // An empty secret is kept. An optional setting emptied is sent empty, which clears it (the
    // widget's title falls back to its default); one that was never set is not sent, nor is a choice
    // left at the default a channel that never set it has.
    if (value === '' && f.secret) continue;
    if (f.secret || value !== String(channel.config[f.key] ?? f.initial ?? '')) changed[f.key] = value;
  }
  return changed;
}

/** Client-side checks mirroring the server's schema, so most mistakes never make a round trip.
 * `editing`: an empty secret keeps the stored one. */
export function validateChannel(type: ChannelType, values: FormValues, editing = false): FieldMessages<FormField> {
  const errors: FieldMessages<FormField> = {};
  const check = (key: FormField, spec?: FieldSpec): Message | undefined => {
    const value = (values[key] ?? '').trim();
    if (!value) return spec?.optional || (editing && spec?.secret) ? undefined : { key: 'validation.required' };
    if (spec?.color && !/^#[0-9a-fA-F]{6}$/.test(value)) return { key: 'validation.color' };
    if (spec?.digits && !/^\d+$/.test(value)) return { key: 'validation.digits' };
    if (spec?.url && !isHttpUrl(value)) return { key: 'validation.url' };
    if (spec?.minLength && value.length < spec.minLength) {
      return { key: 'validation.passwordTooShort', values: { min: spec.minLength } };
    }
    return undefined;
  };
  const nameError = check('name');
  if (nameError) errors.name = nameError;
  for (const spec of fieldsOf(type) as readonly FieldSpec[]) {
    const error = check(spec.key, spec);
    if (error) errors[spec.key] = error;
  }
  return errors;
}

/**
 * The POST body. Values are trimmed: a token pasted with a trailing newline would otherwise be
 * stored as is and every webhook signature check would fail later, far from the cause.
 */
export function channelBody(type: ChannelType, values: FormValues) {
  const entries = fieldsOf(type).map((f) => [f.key, (values[f.key] ?? '').trim()] as const);
  const config = Object.fromEntries(entries.filter(([, value]) => value !== ''));
  return { type, name: (values.name ?? '').trim(), config };
}

/** The tag a site owner pastes to show the web chat; the widget is served by this same server. */
export const embedSnippet = (origin: string, channelId: string): string =>
  `<script src="${origin}/widget.js" data-channel="${channelId}" async></script>`;

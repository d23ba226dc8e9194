// A sent template as the customer saw it, beside its body: the header (its text filled in, or which
// file), the footer and the buttons. Built from the template's components (Meta's shape) and the
// values sent, when the message is stored, so a template edited or deleted later leaves the history
// as it was. The inbox renders it, and the template editor's preview shows the same parts. Pure.
import type { TemplateSend } from '../outbound-content';
import { fillPositional } from './template-send';

export type TemplateViewHeader =
  | { type: 'text'; text: string }
  | { type: 'image' | 'video' | 'document'; mediaUrl?: string }
  | { type: 'location' };

/**
 * `text` is the button's label; a copy-code button's label is WhatsApp's own, so it holds the code.
 * `url`: where a URL button leads, its ending filled in; `phone`: the number a call button dials.
 */
export type TemplateViewButton = { type: 'quick_reply' | 'url' | 'phone_number' | 'copy_code'; text: string; url?: string; phone?: string };

export type TemplateView = { name: string; language: string; header?: TemplateViewHeader; footer?: string; buttons?: TemplateViewButton[] };

type Loose = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const upper = (v: unknown) => str(v).toUpperCase();
const isUrl = (v: string) => /^https?:\/\//i.test(v);
const part = (components: readonly unknown[], type: string): Loose | undefined =>
  components.find((c): c is Loose => typeof c === 'object' && c !== null && upper((c as Loose).type) === type);

function headerOf(h: Loose | undefined, value: TemplateSend['parameters']['header']): TemplateViewHeader | undefined {
  const format = upper(h?.format);
  if (format === 'TEXT') return str(h?.text) ? { type: 'text', text: fillPositional(str(h?.text), value?.type === 'text' ? [value.value] : []) } : undefined;
  if (format === 'LOCATION') return { type: 'location' };
  if (format !== 'IMAGE' && format !== 'VIDEO' && format !== 'DOCUMENT') return undefined;
  const link = value && value.type !== 'text' && isUrl(value.value) ? value.value : null;
  return { type: format.toLowerCase() as 'image' | 'video' | 'document', ...(link ? { mediaUrl: link } : {}) };
}

function buttonOf(b: Loose, index: number, values: TemplateSend['parameters']['buttons']): TemplateViewButton | null {
  const value = values?.find((v) => v.index === index)?.value ?? '';
  const type = upper(b.type);
  if (type === 'QUICK_REPLY') return { type: 'quick_reply', text: str(b.text) };
  // Meta percent-encodes the ending it puts in the address; the link shown is the one the customer opens.
  if (type === 'URL') return { type: 'url', text: str(b.text), url: fillPositional(str(b.url), [encodeURIComponent(value)]) };
  if (type === 'PHONE_NUMBER') return { type: 'phone_number', text: str(b.text), phone: str(b.phone_number) };
  if (type === 'COPY_CODE') return { type: 'copy_code', text: value };
  return null;
}

/** The header, footer and buttons the customer saw for this send of a template with these components. */
export function templateView(components: readonly unknown[], send: TemplateSend): TemplateView {
  const header = headerOf(part(components, 'HEADER'), send.parameters.header);
  const footer = str(part(components, 'FOOTER')?.text);
  const list = part(components, 'BUTTONS')?.buttons;
  const buttons = Array.isArray(list)
    ? list.flatMap((b: unknown, i) => (typeof b === 'object' && b !== null ? [buttonOf(b as Loose, i, send.parameters.buttons)] : [])).filter((b): b is TemplateViewButton => b !== null)
    : [];
  return {
    name: send.name, language: send.language,
    ...(header ? { header } : {}), ...(footer ? { footer } : {}), ...(buttons.length ? { buttons } : {}),
  };
}

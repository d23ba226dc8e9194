// Our TemplateSend → the `template` object of a Graph API /messages body (reference/
// whatsapp-templates.md §3). Pure. Media headers go by link (or id when the value is not a URL).
import type { TemplateSend } from '@zyntra/flows-schema';

type Component = Record<string, unknown>;

const isUrl = (v: string) => /^https?:\/\//i.test(v);

/** A named template's values carry their names (`parameter_name`); a positional one's go in order. */
const withName = (name: string | undefined) => (name ? { parameter_name: name } : {});

function headerComponent(header: NonNullable<TemplateSend['parameters']['header']>, name?: string): Component {
  if (header.type === 'text') return { type: 'header', parameters: [{ type: 'text', text: header.value, ...withName(name) }] };
  const media = isUrl(header.value) ? { link: header.value } : { id: header.value };
  return { type: 'header', parameters: [{ type: header.type, [header.type]: media }] };
}

function buttonComponent(b: NonNullable<TemplateSend['parameters']['buttons']>[number]): Component {
  const parameter =
    b.subType === 'quick_reply' ? { type: 'payload', payload: b.value }
      : b.subType === 'copy_code' ? { type: 'coupon_code', coupon_code: b.value }
        // URL values are percent-encoded, as Meta asks (Gonçalves → Gon%C3%A7alves).
        : { type: 'text', text: encodeURIComponent(b.value) };
  return { type: 'button', sub_type: b.subType, index: b.index, parameters: [parameter] };
}

export function formatTemplate(t: TemplateSend): Record<string, unknown> {
  const components: Component[] = [];
  const names = t.parameterNames;
  if (t.parameters.header) components.push(headerComponent(t.parameters.header, names?.header));
  if (t.parameters.body && t.parameters.body.length > 0) {
    components.push({ type: 'body', parameters: t.parameters.body.map((text, i) => ({ type: 'text', text, ...withName(names?.body?.[i]) })) });
  }
  for (const b of t.parameters.buttons ?? []) components.push(buttonComponent(b));
  return { name: t.name, language: { code: t.language }, ...(components.length > 0 ? { components } : {}) };
}

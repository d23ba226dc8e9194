// What the send_template step takes from a picked template: its name, language and body text, one
// value per body variable, the header's kind, and one slot per button that takes a value at send
// (a URL ending in {{1}}, a copy-code button). Picking the step's own template again keeps what was
// typed for the values the template still takes; another template starts from its suggestions. Pure.
import {
  buttonParameters, headerParameter, templateBodyText,
  type SendTemplateButton, type SendTemplateConfig, type TemplateComponent,
} from '@zyntra/flows-schema';
import { suggestedValues } from '../../templates/template-values';

type Picked = { name: string; language: string; components: readonly TemplateComponent[] };

/** One slot per button that takes a value, with what was typed for that same button, if anything. */
export function buttonSlots(components: readonly unknown[], typed: readonly SendTemplateButton[]): SendTemplateButton[] {
  return buttonParameters(components).map((b) => ({ ...b, value: typed.find((t) => t.index === b.index && t.subType === b.subType)?.value ?? '' }));
}

export function pickedTemplate(t: Picked, current: SendTemplateConfig): SendTemplateConfig {
  const same = t.name === current.name && t.language === current.language;
  const suggested = suggestedValues(t.components);
  const headerType = headerParameter(t.components) ?? 'none';
  return {
    name: t.name,
    language: t.language,
    text: templateBodyText(t.components) ?? '',
    body: same ? suggested.body.map((x, i) => current.body[i] ?? x) : suggested.body,
    headerType,
    header: same && headerType === current.headerType ? current.header : '',
    buttons: buttonSlots(t.components, same ? current.buttons : []),
  };
}

/**
 * How the panel names a button slot: the template's own label for a link button ("Rastrear"), and
 * the address's fixed part the value completes ("https://loja.example/pedido/"). Nothing when the
 * template is not at hand (typed in by hand, no longer approved).
 */
export function buttonShown(components: readonly TemplateComponent[] | undefined, index: number): { text?: string; fixed?: string } {
  const list = components?.find((c) => c.type === 'BUTTONS');
  const b = list?.type === 'BUTTONS' ? list.buttons[index] : undefined;
  if (b?.type !== 'URL') return {};
  return { text: b.text, fixed: b.url.replace(/\{\{\s*1\s*\}\}$/, '') };
}

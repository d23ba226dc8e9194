// The values {{placeholders}} and conditions can read. Built-ins are computed here rather than
// stored in session.vars so a flow variable can never shadow the contact's real name or phone,
// nor one of its attributes ({{contact.cidade}}): flow variables under "contact." are not read.
import { contactAttributeOf, interpolate } from '@zyntra/flows-schema';
import type { StepContext } from './context';
import type { SessionState } from './session';

/**
 * How templateVars are read: a contact's attribute whatever its letter case ({{contact.CIDADE}} is
 * its "Cidade", as the workspace keeps one attribute per name), a flow variable by its own spelling.
 */
export const READ_VARS = { anyCase: (name: string) => contactAttributeOf(name) !== null };

/** `stepVars`: variables the running step has set so far (an Actions step's earlier lines). */
export function templateVars(session: SessionState, ctx: StepContext, stepVars: Record<string, string> = {}): Record<string, string> {
  const own = Object.entries({ ...session.vars, ...stepVars }).filter(([name]) => !name.startsWith('contact.'));
  const attributes = Object.entries(ctx.contact.attributes).map(([name, value]) => [`contact.${name}`, value] as const);
  // fromEntries defines own properties, so a name such as "__proto__" is a plain key.
  const vars: Record<string, string> = Object.fromEntries([...own, ...attributes.filter(([name]) => contactAttributeOf(name) !== null)]);
  if (ctx.contact.name !== null) vars['contact.name'] = ctx.contact.name;
  if (ctx.contact.phone !== null) vars['contact.phone'] = ctx.contact.phone;
  if (session.lastReply !== null) vars.last_reply = session.lastReply;
  return vars;
}

/** A step's text with its {{placeholders}} filled. */
export const fillText = (text: string, session: SessionState, ctx: StepContext): string =>
  interpolate(text, templateVars(session, ctx), READ_VARS);

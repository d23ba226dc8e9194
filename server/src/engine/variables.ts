// The values {{placeholders}} and conditions can read. Built-ins are computed here rather than
// stored in session.vars so a flow variable can never shadow the contact's real name or phone.
import type { StepContext } from './context';
import type { SessionState } from './session';

export function templateVars(session: SessionState, ctx: StepContext): Record<string, string> {
  const vars: Record<string, string> = { ...session.vars };
  if (ctx.contact.name !== null) vars['contact.name'] = ctx.contact.name;
  if (ctx.contact.phone !== null) vars['contact.phone'] = ctx.contact.phone;
  if (session.lastReply !== null) vars.last_reply = session.lastReply;
  return vars;
}

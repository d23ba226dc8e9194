// Sends an approved WhatsApp template, its values filled from the contact and the flow's variables
// now (the same filler the inbox and campaigns use), and moves on. It leaves as an ordinary
// send_message whose content carries the template: the outbox sends it like any other message.
import { fillTemplateSend, type TemplateSend } from '@zyntra/flows-schema';
import { READ_VARS, templateVars } from '../variables';
import type { NodeHandler } from './types';

export const sendTemplate: NodeHandler<'send_template'> = {
  enter(node, session, ctx) {
    // A version published before steps took button values has none stored (the parser's default is
    // not applied to published documents), so they read as none.
    const { name, language, body, headerType, header, buttons = [], text } = node.config;
    const parameters: TemplateSend['parameters'] = {
      ...(body.length ? { body } : {}),
      ...(headerType === 'none' ? {} : { header: { type: headerType, value: header } }),
      ...(buttons.length ? { buttons } : {}),
    };
    const content = fillTemplateSend({ name, language, parameters, text: text || undefined }, templateVars(session, ctx), READ_VARS);
    return { actions: [{ type: 'send_message', nodeId: node.id, content }], next: 'next' };
  },
};

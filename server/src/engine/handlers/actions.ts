// Tags the contact, sets flow variables and contact attributes; says nothing to the customer.
// Values are interpolated in order, so a later action reads a variable an earlier one set.
import { interpolate } from '@zyntra/flows-schema';
import type { Action } from '../actions';
import { READ_VARS, templateVars } from '../variables';
import type { NodeHandler } from './types';

export const actions: NodeHandler<'actions'> = {
  enter(node, session, ctx) {
    const out: Action[] = [];
    const vars: Record<string, string> = {};
    const fill = (text: string) => interpolate(text, templateVars(session, ctx, vars), READ_VARS);
    for (const item of node.config.actions) {
      if (item.kind === 'add_tags' || item.kind === 'remove_tags') {
        const tags = [...new Set(item.tags.map((tag) => fill(tag).trim().slice(0, 64)).filter((tag) => tag !== ''))];
        if (tags.length > 0) out.push({ type: item.kind, tags });
        continue;
      }
      const name = item.name.trim();
      if (name === '') continue;
      if (item.kind === 'set_variable') vars[name] = fill(item.value);
      else out.push({ type: 'set_attribute', key: name, value: fill(item.value).slice(0, 1000) });
    }
    return { next: 'next', actions: out, ...(Object.keys(vars).length > 0 ? { vars } : {}) };
  },
};

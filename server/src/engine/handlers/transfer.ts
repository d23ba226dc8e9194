// Hands the conversation to the team inbox; the bot stops here for good.
import type { Action } from '../actions';
import { fillText } from '../variables';
import type { NodeHandler } from './types';

export const TRANSFERRED = 'transferred';

export const transfer: NodeHandler<'transfer'> = {
  enter(node, session, ctx) {
    const { message, tags } = node.config;
    // An empty team means "anyone"; the editor may store '' where null was meant.
    const team = node.config.team === null || node.config.team.trim() === '' ? null : node.config.team;
    const actions: Action[] = [];
    const text = fillText(message, session, ctx);
    if (text.trim() !== '') {
      const content = { text, buttons: [], list: null, media: null, typingDelayMs: 0 };
      actions.push({ type: 'send_message', nodeId: node.id, content });
    }
    const cleanTags = tags.filter((tag) => tag.trim() !== '');
    if (cleanTags.length > 0) actions.push({ type: 'add_tags', tags: cleanTags });
    actions.push({ type: 'handoff_to_human', nodeId: node.id, team });
    const payload = { nodeId: node.id, team, flowId: session.flowId, versionId: session.versionId, reason: 'flow' };
    actions.push({ type: 'emit_event', name: 'conversation.transferred', payload });
    return { actions, end: TRANSFERRED, outcome: TRANSFERRED };
  },
};

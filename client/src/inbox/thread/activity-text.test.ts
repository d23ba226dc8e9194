import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { ActivityLine } from '../api/inbox-types';
import { activityText } from './activity-text';

const ana = { id: 'u-ana', name: 'Ana' };
const bruno = { id: 'u-bruno', name: 'Bruno' };
const line = (type: ActivityLine['type'], extra: Partial<ActivityLine> = {}): ActivityLine =>
  ({ id: '1', type, at: '', by: null, assignee: null, previousAssignee: null, team: null, flow: null, reason: null, auto: false, ...extra });

describe('activity text', () => {
  it('when members act on a chat, then the line names them, and the signed-in member is "You", "you" mid-sentence', () => {
    const t = i18n.getFixedT('en');
    expect(activityText(line('assigned', { by: ana, assignee: ana }), t)).toBe('Ana took the chat');
    expect(activityText(line('assigned', { by: ana, assignee: bruno }), t, 'u-bruno')).toBe('Ana assigned the chat to you');
    expect(activityText(line('assigned', { assignee: bruno, auto: true }), t, 'u-bruno')).toBe('Assigned automatically to you');
    expect(activityText(line('assigned', { by: bruno, assignee: ana }), i18n.getFixedT('pt-BR'), 'u-ana')).toBe('Bruno atribuiu a conversa a você');
    expect(activityText(line('assigned', { by: ana, team: { id: 't', name: 'Vendas' } }), t)).toBe('Ana moved the chat to the Vendas team');
    expect(activityText(line('assigned', { assignee: bruno, auto: true }), t)).toBe('Assigned automatically to Bruno');
    expect(activityText(line('handed_back', { by: ana, flow: { id: 'f', name: 'Menu' } }), t, 'u-ana')).toBe('You handed the chat back to the bot: Menu');
    expect(activityText(line('closed', { by: { id: 'gone', name: null } }), t)).toBe('Someone closed the chat');
  });

  it('when the bot, the customer or the system changed the chat, then the line says so, in pt-BR too', () => {
    const t = i18n.getFixedT('pt-BR');
    expect(activityText(line('transferred', { team: { id: 't', name: 'Vendas' } }), t)).toBe('O bot transferiu a conversa para a equipe Vendas');
    expect(activityText(line('transferred'), t)).toBe('O bot transferiu a conversa para um atendente');
    expect(activityText(line('transferred', { reason: 'reopened' }), t)).toBe('O cliente escreveu de novo: a conversa voltou para a fila');
    expect(activityText(line('handed_back', { reason: 'no_agent' }), t)).toBe('Ninguém assumiu a tempo: a conversa voltou ao bot');
    expect(activityText(line('closed', { reason: 'idle' }), t)).toBe('Encerrada depois de um tempo sem mensagens');
    expect(activityText(line('reopened'), t)).toBe('O cliente escreveu de novo: conversa reaberta');
    expect(activityText(line('bot_paused', { reason: 'business_phone_reply' }), t)).toBe('Respondida pelo celular da empresa: o bot pausou');
    expect(activityText(line('assigned', { assignee: bruno, auto: true, returning: true }), t)).toBe('De volta para Bruno, que a encerrou antes');
    expect(activityText(line('assigned', { assignee: bruno, auto: true, returning: true }), i18n.getFixedT('en'), 'u-bruno')).toBe('Back with you, who closed it before');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { ApiError } from '../../api/errors';
import { conflictText } from './actions';

const conflict = (details: Record<string, unknown>) => new ApiError(409, 'conflict', 'server words', details);

describe('a 409 in words', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('when the chat was closed meanwhile by someone who held it, then it says closed, not that they took it', () => {
    expect(conflictText(conflict({ status: 'closed', assigneeId: '7b0c1f9e-0000-4000-8000-000000000001', assigneeName: null }))).toBe('This conversation is already closed.');
  });

  it('when someone else holds the chat, then it names them', () => {
    expect(conflictText(conflict({ status: 'human', assigneeId: '7b0c1f9e-0000-4000-8000-000000000002', assigneeName: 'Bruno' }))).toBe('Bruno already took this conversation.');
  });

  it('when reopening finds the customer in another open chat, then it says so (pt-BR)', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(conflictText(conflict({ conversationId: '7b0c1f9e-0000-4000-8000-000000000003' }))).toBe('Este cliente já tem uma conversa aberta: responda por lá.');
    await i18n.changeLanguage('en');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { AuditEntry } from '../members/members-api';
import { auditDetails } from './audit-details';

const entry = (action: string, data: Record<string, unknown>, targetName: string | null = null): AuditEntry =>
  ({ id: '1', action, targetType: null, targetId: '7b0c1f9e-0000-4000-8000-000000000001', targetName, data, actor: null, at: '' });

describe('audit details', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('pt-BR');
  });

  it('when a member is changed or removed, then the entry names them and says the roles in words, with no field names or ids', () => {
    const t = i18n.getFixedT('pt-BR');
    expect(auditDetails(entry('member.role_changed', { from: 'agent', to: 'admin' }, 'João Pereira'), t, 'pt-BR')).toBe('João Pereira · Atendente → Administrador');
    expect(auditDetails(entry('member.joined', { role: 'marketer', invitationId: '7b0c1f9e-0000-4000-8000-000000000002' }, 'Bia'), t, 'pt-BR')).toBe('Bia · Marketing');
    expect(auditDetails(entry('member.invited', { email: 'bia@loja.com', role: 'agent' }), t, 'pt-BR')).toBe('bia@loja.com · Atendente');
  });

  it('when a channel, template, flow or workspace is named in the data, then it reads in words', () => {
    const t = i18n.getFixedT('pt-BR');
    expect(auditDetails(entry('channel.created', { type: 'webchat', name: 'Site' }), t, 'pt-BR')).toBe('Site · Chat do site');
    expect(auditDetails(entry('template.deleted', { channelId: '7b0c1f9e-0000-4000-8000-000000000003', name: 'promo', language: 'pt_BR', status: 'APPROVED' }), t, 'pt-BR')).toBe('promo · Português (Brasil) · Aprovado');
    expect(auditDetails(entry('template.edited', { channelId: '7b0c1f9e-0000-4000-8000-000000000003', name: 'fornada', language: 'pt_BR', status: 'REJECTED', category: 'UTILITY' }), t, 'pt-BR')).toBe('fornada · Português (Brasil) · Rejeitado · Utilidade');
    expect(auditDetails(entry('flow.published', { versionId: '7b0c1f9e-0000-4000-8000-000000000004', version: 3 }, 'Boas-vindas'), t, 'pt-BR')).toBe('Boas-vindas · versão 3');
    expect(auditDetails(entry('workspace.renamed', { name: 'Doces da Márcia', previousName: 'Loja' }, 'Doces da Márcia'), t, 'pt-BR')).toBe('Doces da Márcia · antes Loja');
    expect(auditDetails(entry('contact_field.renamed', { name: 'Cidade', previousName: 'cidadee', contacts: 12, merged: 2 }), t, 'pt-BR')).toBe('Cidade · antes cidadee · 12 contatos · 2 já tinham o campo');
    expect(auditDetails(entry('contact_field.deleted', { name: 'Plano', contacts: 1 }), i18n.getFixedT('en'), 'en')).toBe('Plano · 1 contact');
    expect(auditDetails(entry('api_key.revoked', { name: 'ERP', role: 'admin', reason: 'creator_role_changed' }), i18n.getFixedT('en'), 'en')).toBe("ERP · Admin · its creator's role changed");
  });

  it('when a webhook endpoint or the AI provider changes, then the entry reads its address, what changed and whether a key was set, in words', () => {
    const t = i18n.getFixedT('pt-BR');
    const hook = 'https://erp.doceria.com.br/webhooks';
    const changed = entry('webhook_endpoint.updated', { url: hook, previousUrl: 'https://old.doceria.com.br/hook', changed: ['url', 'events', 'active'], events: ['message.received'], active: false }, hook);
    expect(auditDetails(changed, t, 'pt-BR')).toBe(`${hook} · alterações: URL, eventos · antes https://old.doceria.com.br/hook · pausado`);
    expect(auditDetails(entry('webhook_endpoint.deleted', { url: hook }, hook), t, 'pt-BR')).toBe(hook);
    const ai = 'https://api.openai.com/v1';
    expect(auditDetails(entry('ai_settings.changed', { baseUrl: ai, model: 'gpt-4o-mini', apiKey: 'set' }, ai), t, 'pt-BR')).toBe(`${ai} · gpt-4o-mini · nova chave de API`);
    expect(auditDetails(entry('ai_settings.changed', { baseUrl: ai, model: null, apiKey: 'kept' }, ai), t, 'pt-BR')).toBe(ai);
    expect(auditDetails(entry('ai_settings.changed', { baseUrl: null, model: null, apiKey: 'removed', previousBaseUrl: ai }), i18n.getFixedT('en'), 'en'))
      .toBe(`server default · was ${ai} · API key removed`);
  });
});

import { NO_AI_PROVIDER } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { failureCause } from './step-failure';

describe('why a step failed', () => {
  it("when an HTTP call failed, then its outcome's cause is said in the reader's language, with the status it got", () => {
    const pt = i18n.getFixedT('pt-BR');
    expect(failureCause({ nodeType: 'http_request', outcome: 'http_status', error: 'the server answered HTTP 404' }, pt)).toBe('o seu sistema respondeu HTTP 404.');
    expect(failureCause({ nodeType: 'http_request', outcome: 'http_timeout', error: 'No complete answer within 10 s' }, pt)).toBe('o seu sistema não deu uma resposta completa dentro do tempo limite da etapa.');
    expect(failureCause({ nodeType: 'http_request', outcome: 'http_blocked_address', error: 'x' }, i18n.getFixedT('en'))).toBe('the URL leads to a private or internal address, which flows may not call.');
  });

  it('when there are no words for the cause, then null: the reason the server gave is shown', () => {
    const en = i18n.getFixedT('en');
    expect(failureCause({ nodeType: 'http_request', outcome: 'http_failed', error: 'the HTTP call was lost' }, en)).toBeNull();
    expect(failureCause({ nodeType: 'message', outcome: 'http_status', error: 'x' }, en)).toBeNull();
    expect(failureCause({ nodeType: 'ai_reply', outcome: 'llm_failed', error: 'empty completion' }, en)).toBeNull();
  });

  it('when an AI reply step has no provider, then it says where an admin sets one up, whether the row names the cause or is older', () => {
    const pt = i18n.getFixedT('pt-BR');
    expect(failureCause({ nodeType: 'ai_reply', outcome: 'ai_no_provider', error: NO_AI_PROVIDER }, pt)).toMatch(/^A etapa Resposta com IA não tem um provedor/);
    expect(failureCause({ nodeType: 'ai_reply', outcome: 'llm_failed', error: NO_AI_PROVIDER }, pt)).toMatch(/^A etapa Resposta com IA não tem um provedor/);
  });

  it("when an AI provider failed, then its outcome's cause is said in the reader's language", () => {
    const pt = i18n.getFixedT('pt-BR');
    const en = i18n.getFixedT('en');
    const ai = (outcome: string, error = 'x') => ({ nodeType: 'ai_reply', outcome, error });
    expect(failureCause(ai('ai_timeout', 'AI provider: No complete answer within 30 s'), pt)).toMatch(/^o provedor de IA demorou demais para responder/);
    expect(failureCause(ai('ai_timeout'), en)).toMatch(/^the AI provider took too long to answer/);
    expect(failureCause(ai('ai_network'), pt)).toMatch(/^não foi possível falar com o provedor de IA/);
    expect(failureCause(ai('ai_blocked_address'), en)).toMatch(/private or internal.*Settings → AI replies/);
    expect(failureCause(ai('ai_redirect'), pt)).toMatch(/redirecionamento/);
    expect(failureCause(ai('ai_bad_answer', 'completion is not JSON'), en)).toMatch(/^the AI provider's answer could not be read as a reply/);
    expect(failureCause(ai('ai_bad_settings'), pt)).toMatch(/chave de API/);
  });

  it('when the AI provider answered an error status, then the words say what to check, with the status', () => {
    const pt = i18n.getFixedT('pt-BR');
    const status = (error: string) => failureCause({ nodeType: 'ai_reply', outcome: 'ai_status', error }, pt);
    expect(status('The AI provider refused the API key (HTTP 401)')).toBe('o provedor de IA recusou a chave de API (HTTP 401): um administrador confere em Configurações → Respostas com IA.');
    expect(status('The AI provider has no such model or URL (HTTP 404)')).toMatch(/^o provedor de IA não tem esse modelo ou essa URL \(HTTP 404\)/);
    expect(status('The AI provider is rate limiting (HTTP 429)')).toMatch(/^o provedor de IA está limitando a quantidade de pedidos \(HTTP 429\)/);
    expect(status('The AI provider failed (HTTP 503)')).toBe('o provedor de IA teve uma falha do lado dele (HTTP 503).');
    expect(status('The AI provider refused the request (HTTP 422)')).toBe('o provedor de IA recusou o pedido (HTTP 422).');
    expect(failureCause({ nodeType: 'ai_reply', outcome: 'ai_status', error: 'The AI provider is rate limiting (HTTP 429)' }, i18n.getFixedT('en'))).toMatch(/^the AI provider is limiting how often it is asked \(HTTP 429\)/);
  });

  it('when an AI failure has no named cause (a lost call, an older row), or another step has an ai_ outcome, then null', () => {
    const en = i18n.getFixedT('en');
    expect(failureCause({ nodeType: 'ai_reply', outcome: 'llm_failed', error: 'the AI call was lost' }, en)).toBeNull();
    expect(failureCause({ nodeType: 'condition', outcome: 'ai_timeout', error: 'x' }, en)).toBeNull();
    expect(failureCause({ nodeType: 'ai_reply', outcome: 'ai_unheard_of', error: 'x' }, en)).toBeNull();
  });
});

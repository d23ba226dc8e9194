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

  it('when an AI reply step has no provider, then it says where an admin sets one up', () => {
    expect(failureCause({ nodeType: 'ai_reply', outcome: 'llm_failed', error: NO_AI_PROVIDER }, i18n.getFixedT('pt-BR'))).toMatch(/^A etapa Resposta com IA não tem um provedor/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSurveyReply, surveyButtonId, surveyContent } from './survey-content';

const ID = '0b6f7a52-3c1e-4f59-9a51-2d8c4f0e9b11';

describe('satisfaction survey content', () => {
  it('asks in the channel language with three buttons, best first, whose ids name the conversation and score', () => {
    const pt = surveyContent(ID, 'pt-BR');
    expect(pt.text).toBe('Como você avalia o nosso atendimento?');
    expect(pt.buttons).toEqual([
      { id: `csat:${ID}:3`, title: '😀 Ótimo' }, { id: `csat:${ID}:2`, title: '😐 Regular' }, { id: `csat:${ID}:1`, title: '😞 Ruim' },
    ]);
    expect(surveyContent(ID, 'en').buttons.map((b) => b.title)).toEqual(['😀 Great', '😐 OK', '😞 Poor']);
    // WhatsApp's limits: titles of at most 20 characters.
    for (const b of [...pt.buttons, ...surveyContent(ID, 'en').buttons]) expect(b.title.length).toBeLessThanOrEqual(20);
  });

  it('reads back only a well-formed survey button', () => {
    expect(parseSurveyReply(surveyButtonId(ID, 2))).toEqual({ conversationId: ID, score: 2 });
    expect(parseSurveyReply(`csat:${ID}:4`)).toBeNull();
    expect(parseSurveyReply(`csat:not-an-id:3`)).toBeNull();
    expect(parseSurveyReply('confirm_yes')).toBeNull();
    expect(parseSurveyReply(null)).toBeNull();
  });
});

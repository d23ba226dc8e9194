import { describe, expect, it } from 'vitest';
import { parseSurveyReply, surveyButtonId, surveyContent, typedSurveyScore } from './survey-content';

const ID = '0b6f7a52-3c1e-4f59-9a51-2d8c4f0e9b11';
const SURVEY = '7d1e2c3b-4a59-4f60-8b71-9c0d1e2f3a4b';
const REF = { conversationId: ID, surveyId: SURVEY };

describe('satisfaction survey content', () => {
  it('asks in the channel language with three buttons, best first, whose ids name the conversation, the survey and the score', () => {
    const pt = surveyContent(REF, 'pt-BR');
    expect(pt.text).toBe('Como você avalia o nosso atendimento?');
    expect(pt.buttons).toEqual([
      { id: `csat:${ID}:${SURVEY}:3`, title: '😀 Ótimo' }, { id: `csat:${ID}:${SURVEY}:2`, title: '😐 Regular' }, { id: `csat:${ID}:${SURVEY}:1`, title: '😞 Ruim' },
    ]);
    expect(surveyContent(REF, 'en').buttons.map((b) => b.title)).toEqual(['😀 Great', '😐 OK', '😞 Poor']);
    // WhatsApp's limits: titles of at most 20 characters.
    for (const b of [...pt.buttons, ...surveyContent(REF, 'en').buttons]) expect(b.title.length).toBeLessThanOrEqual(20);
  });

  it('reads back only a well-formed survey button', () => {
    expect(parseSurveyReply(surveyButtonId(REF, 2))).toEqual({ conversationId: ID, surveyId: SURVEY, score: 2 });
    // A button sent before surveys were named still answers its chat.
    expect(parseSurveyReply(`csat:${ID}:1`)).toEqual({ conversationId: ID, surveyId: null, score: 1 });
    expect(parseSurveyReply(`csat:${ID}:not-a-survey:1`)).toBeNull();
    expect(parseSurveyReply(`csat:${ID}:4`)).toBeNull();
    expect(parseSurveyReply(`csat:${ID}:${SURVEY}:4`)).toBeNull();
    expect(parseSurveyReply(`csat:not-an-id:3`)).toBeNull();
    expect(parseSurveyReply('confirm_yes')).toBeNull();
    expect(parseSurveyReply(null)).toBeNull();
  });

  it('reads an answer typed to the numbered menu: its number or its words, in either language', () => {
    expect(['1', '1.', ' 1) ', 'Ótimo', 'otimo', '😀 Ótimo', 'GREAT'].map(typedSurveyScore)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(['2', 'regular', 'Ok', '😐 OK'].map(typedSurveyScore)).toEqual([2, 2, 2, 2]);
    expect(['3)', 'Ruim', 'poor', '😞'].map(typedSurveyScore)).toEqual([1, 1, 1, null]);
    expect(['4', '0', '12', 'ótimo atendimento', 'obrigado', '', '😀'].map(typedSurveyScore)).toEqual([null, null, null, null, null, null, null]);
  });
});

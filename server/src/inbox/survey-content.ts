// The satisfaction survey as the customer sees it: one question and three reply buttons (WhatsApp's
// most), in the channel's customer language. Each button's id names the conversation and the score,
// `csat:<conversationId>:<3|2|1>`, so the tap alone says which survey it answers.
import type { OutboundContent } from '@zyntra/flows-schema';
import type { CustomerLocale } from '../channels/customer-locale';

export type SurveyScore = 1 | 2 | 3;

const TEXTS: Record<CustomerLocale, { question: string; answers: Record<SurveyScore, string> }> = {
  'pt-BR': { question: 'Como você avalia o nosso atendimento?', answers: { 3: '😀 Ótimo', 2: '😐 Regular', 1: '😞 Ruim' } },
  en: { question: 'How would you rate our service?', answers: { 3: '😀 Great', 2: '😐 OK', 1: '😞 Poor' } },
};

const PREFIX = 'csat:';
const REPLY = /^csat:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([123])$/i;

export const surveyButtonId = (conversationId: string, score: SurveyScore) => `${PREFIX}${conversationId}:${score}`;

/** The survey a tapped button answers, or null for any other reply (decided without touching the database). */
export function parseSurveyReply(replyId: string | null | undefined): { conversationId: string; score: SurveyScore } | null {
  if (!replyId?.startsWith(PREFIX)) return null;
  const m = REPLY.exec(replyId);
  return m ? { conversationId: m[1]!.toLowerCase(), score: Number(m[2]) as SurveyScore } : null;
}

export function surveyContent(conversationId: string, locale: CustomerLocale): OutboundContent {
  const { question, answers } = TEXTS[locale];
  const scores: SurveyScore[] = [3, 2, 1];
  return {
    text: question,
    buttons: scores.map((score) => ({ id: surveyButtonId(conversationId, score), title: answers[score] })),
    list: null, media: null, typingDelayMs: 0,
  };
}

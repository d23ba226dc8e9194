// The satisfaction survey as the customer sees it: one question and three reply buttons (WhatsApp's
// most), in the channel's customer language. Each button's id names the conversation, the survey and
// the score, `csat:<conversationId>:<surveyId>:<3|2|1>`, so the tap alone says which survey it answers:
// a chat the customer reopened is surveyed again at its next close, under the same conversation id.
// Buttons sent before surveys were named, `csat:<conversationId>:<3|2|1>`, answer the chat's latest.
import { normalizeText, type OutboundContent } from '@zyntra/flows-schema';
import type { CustomerLocale } from '../channels/customer-locale';

export type SurveyScore = 1 | 2 | 3;

const TEXTS: Record<CustomerLocale, { question: string; answers: Record<SurveyScore, string> }> = {
  'pt-BR': { question: 'Como você avalia o nosso atendimento?', answers: { 3: '😀 Ótimo', 2: '😐 Regular', 1: '😞 Ruim' } },
  en: { question: 'How would you rate our service?', answers: { 3: '😀 Great', 2: '😐 OK', 1: '😞 Poor' } },
};

const PREFIX = 'csat:';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REPLY = new RegExp(`^csat:(${UUID})(?::(${UUID}))?:([123])$`, 'i');

export type SurveyRef = { conversationId: string; surveyId: string };

export const surveyButtonId = (survey: SurveyRef, score: SurveyScore) => `${PREFIX}${survey.conversationId}:${survey.surveyId}:${score}`;

/** The survey a tapped button answers (surveyId null: an unnamed one's), or null for any other reply (decided without touching the database). */
export function parseSurveyReply(replyId: string | null | undefined): { conversationId: string; surveyId: string | null; score: SurveyScore } | null {
  if (!replyId?.startsWith(PREFIX)) return null;
  const m = REPLY.exec(replyId);
  return m ? { conversationId: m[1]!.toLowerCase(), surveyId: m[2]?.toLowerCase() ?? null, score: Number(m[3]) as SurveyScore } : null;
}

const SCORES: SurveyScore[] = [3, 2, 1];
/** An answer's words in either language, without its emoji: "otimo" → 3. */
const bare = (title: string) => normalizeText(title.replace(/[^\p{L}\p{N}\s]/gu, ''));
const TYPED = new Map(Object.values(TEXTS).flatMap(({ answers }) => SCORES.map((score) => [bare(answers[score]), score] as const)));
const NUMBERED = /^([123])[.)]?$/;

/**
 * The score of a survey answer typed rather than tapped, as on WhatsApp Web (Evolution), where the
 * buttons go out as a numbered menu: the option's number ("1", "1." or "1)" for the first, Ótimo) or
 * its words in either language, emoji or not. Null for anything else (decided without the database).
 */
export function typedSurveyScore(text: string): SurveyScore | null {
  const typed = bare(text);
  const place = NUMBERED.exec(normalizeText(text))?.[1];
  return place ? SCORES[Number(place) - 1]! : (TYPED.get(typed) ?? null);
}

export function surveyContent(survey: SurveyRef, locale: CustomerLocale): OutboundContent {
  const { question, answers } = TEXTS[locale];
  return {
    text: question,
    buttons: SCORES.map((score) => ({ id: surveyButtonId(survey, score), title: answers[score] })),
    list: null, media: null, typingDelayMs: 0,
  };
}

// A tap on a satisfaction survey button, in one statement: it counts only when the conversation it
// names is this workspace's, on this channel, of this very sender, closed, and was surveyed. Then
// the tap is stored in that closed conversation (it stays closed: no reopening, no bot) and answers
// the survey its button names (a button of before surveys were named: the chat's latest) unless an
// earlier tap did (the first answer wins). A tap on an older survey of a reopened chat thus never
// answers the newer one. A redelivered tap (the same
// provider id) stores nothing and records nothing.
import type { ContactRef, InboundContent } from '../channels/channel-adapter';
import type { TenantDb } from '../db/tenant-db';
import { typedSurveyScore, type SurveyScore } from '../inbox/survey-content';
import { senderIds, storedText } from './store-inbound.queries';

const SQL = `
WITH target AS (
  SELECT c.id, c.contact_id FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
  WHERE c.tenant_id = :tenant AND c.id = :conv AND c.channel_id = :channel AND c.status = 'closed'
    AND ct.tenant_id = :tenant AND (ct.external_id = ANY(CAST(:ids AS text[])) OR ct.aliases && CAST(:ids AS text[]))
    AND EXISTS (SELECT 1 FROM satisfaction_surveys s WHERE s.tenant_id = :tenant AND s.conversation_id = c.id)
  FOR UPDATE OF c),
msg AS (
  INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, author, type, text, payload, raw, provider_message_id, status)
  SELECT :tenant, target.id, :channel, 'in', 'contact', :type, :text, :payload, :raw, :pid, 'received' FROM target
  ON CONFLICT (channel_id, provider_message_id) DO NOTHING
  RETURNING id),
answered AS (
  UPDATE satisfaction_surveys s SET score = :score, answered_at = :at, answer_message_id = (SELECT id FROM msg)
  WHERE s.id = (SELECT l.id FROM satisfaction_surveys l WHERE l.tenant_id = :tenant AND l.conversation_id = (SELECT id FROM target)
                  AND (CAST(:survey AS uuid) IS NULL OR l.id = CAST(:survey AS uuid))
                ORDER BY l.sent_at DESC, l.id DESC LIMIT 1)
    AND s.tenant_id = :tenant AND s.score IS NULL AND EXISTS (SELECT 1 FROM msg)
  RETURNING s.id),
touched AS (
  -- The customer wrote: the 24-hour window opens again (an agent may reopen and answer). Times only move forward.
  UPDATE conversations c SET last_message_at = GREATEST(c.last_message_at, :at), last_inbound_at = GREATEST(c.last_inbound_at, :at::timestamptz), updated_at = now()
  WHERE c.tenant_id = :tenant AND c.id = (SELECT id FROM target) AND EXISTS (SELECT 1 FROM msg)
  RETURNING c.id),
ev AS (
  INSERT INTO domain_events (tenant_id, type, payload)
  SELECT :tenant, 'message.received', jsonb_build_object('conversationId', target.id, 'contactId', target.contact_id, 'messageId', msg.id, 'satisfactionScore', :score::int)
  FROM target CROSS JOIN msg
  RETURNING 1)
SELECT (SELECT id FROM target) AS conversation_id, (SELECT id FROM msg) AS message_id, (SELECT id FROM answered) AS survey_id,
  (SELECT count(*) FROM touched) + (SELECT count(*) FROM ev) AS writes`;

/** Null when the tap does not answer a survey of this sender (it then goes the normal way). */
export async function storeSurveyAnswer(
  tx: TenantDb,
  input: { channelId: string; contact: ContactRef; content: InboundContent; providerMessageId: string; at: string; raw?: unknown; conversationId: string; surveyId: string | null; score: number },
): Promise<{ conversationId: string; messageId: string | null; recorded: boolean } | null> {
  const res = await tx.raw(SQL, {
    tenant: tx.tenantId, conv: input.conversationId, survey: input.surveyId, channel: input.channelId, ids: senderIds(input.contact), score: input.score, at: input.at,
    type: input.content.type, text: storedText(input.content), payload: JSON.stringify(input.content), pid: input.providerMessageId,
    raw: input.raw === undefined ? null : JSON.stringify(input.raw),
  });
  const row = res.rows[0];
  if (!row?.conversation_id) return null;
  return { conversationId: row.conversation_id, messageId: row.message_id, recorded: row.survey_id !== null };
}

/** How long a survey sent as a numbered menu takes a typed answer: after a day, "1" is about something else. */
const TYPED_ANSWER_HOURS = 24;

/**
 * A survey answer typed on WhatsApp Web (Evolution), whose buttons go out as a numbered menu: the
 * survey it answers is this sender's newest unanswered one, sent within a day in a chat on this
 * channel that is still closed (had they written since, it would have reopened). A query only for
 * a text that reads as an answer ("1", "Ótimo"…); null otherwise, and on any other kind of channel.
 */
export async function typedSurveyAnswer(
  tx: TenantDb,
  input: { channelId: string; contact: ContactRef; content: InboundContent; at: string },
): Promise<{ conversationId: string; surveyId: string; score: SurveyScore } | null> {
  const score = input.content.replyId ? null : typedSurveyScore(input.content.text);
  if (score === null) return null;
  const ids = senderIds(input.contact);
  const row = await tx.from('satisfaction_surveys')
    .join('conversations as c', 'c.id', 'satisfaction_surveys.conversation_id')
    .join('contacts as ct', 'ct.id', 'c.contact_id')
    .join('channels as ch', 'ch.id', 'c.channel_id')
    .where({ 'c.tenant_id': tx.tenantId, 'ct.tenant_id': tx.tenantId, 'ch.tenant_id': tx.tenantId })
    .where({ 'c.channel_id': input.channelId, 'ch.type': 'evolution', 'c.status': 'closed' })
    .where((q) => q.whereRaw('ct.external_id = ANY(?::text[])', [ids]).orWhereRaw('ct.aliases && ?::text[]', [ids]))
    .whereNull('satisfaction_surveys.score')
    .where('satisfaction_surveys.sent_at', '>', tx.raw(`?::timestamptz - interval '${TYPED_ANSWER_HOURS} hours'`, [input.at]))
    .orderBy('satisfaction_surveys.sent_at', 'desc')
    .first('satisfaction_surveys.id', 'satisfaction_surveys.conversation_id');
  return row ? { conversationId: row.conversation_id, surveyId: row.id, score } : null;
}

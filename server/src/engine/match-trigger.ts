// Chooses which published flow answers a message from a contact with no active session.
import { compileSafeRegex, normalizeText } from '@zyntra/flows-schema';
import type { TriggerConfig } from '@zyntra/flows-schema';
import type { MessageReceived } from './events';
import { indexFlow, type FlowVersionRef } from './flow-index';
import { normalizedValue } from './normalized-once';

export type TriggerMatchContext = { channelId: string; isNewContact: boolean; hadSession: boolean };

type Keyword = TriggerConfig['keywords'][number];

/** Higher is stronger: at equal priority a keyword beats a new-contact trigger beats a fallback. */
const STRENGTH = { keyword: 3, newContact: 2, fallback: 1 } as const;

type Candidate = { version: FlowVersionRef; priority: number; strength: number };

/** Runs on the linear-time engine; a refused pattern (invalid, unsafe, too long) matches nothing. */
function matchesRegex(pattern: string, text: string): boolean {
  return compileSafeRegex(pattern)?.test(text) ?? false;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * "Contains" finds the keyword where a word starts: "promo" in "quero a promoção", but not "oi" in
 * "depois", "foi" or "noite" (a customer writing "depois eu vejo" must not start the greeting flow).
 */
function containsAtWordStart(text: string, value: string): boolean {
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1]!)) return true;
  }
  return false;
}

export function matchesKeyword(keyword: Keyword, normalizedText: string): boolean {
  if (keyword.match === 'regex') return keyword.value !== '' && matchesRegex(keyword.value, normalizedText);
  const value = normalizedValue(keyword);
  // An empty keyword would match every message with "contains" or "starts_with".
  if (value === '') return false;
  if (keyword.match === 'exact') return normalizedText === value;
  if (keyword.match === 'contains') return containsAtWordStart(normalizedText, value);
  return normalizedText.startsWith(value);
}

function strengthOf(config: TriggerConfig, normalizedText: string, ctx: TriggerMatchContext): number {
  if (config.keywords.some((keyword) => matchesKeyword(keyword, normalizedText))) return STRENGTH.keyword;
  if (config.newContact && ctx.isNewContact) return STRENGTH.newContact;
  if (config.fallback) return STRENGTH.fallback;
  return 0;
}

function candidateOf(version: FlowVersionRef, normalizedText: string, ctx: TriggerMatchContext): Candidate | null {
  const trigger = indexFlow(version.document).trigger();
  if (trigger?.type !== 'trigger') return null;
  const { config } = trigger;
  if (config.channelIds.length > 0 && !config.channelIds.includes(ctx.channelId)) return null;
  const strength = strengthOf(config, normalizedText, ctx);
  return strength === 0 ? null : { version, priority: config.priority, strength };
}

// A fallback answers "when no other flow matches" (the editor's promise), so it ranks below every
// keyword and new-contact match whatever its priority; priority orders flows within each group.
const isFallback = (c: Candidate) => c.strength === STRENGTH.fallback;

function byRank(a: Candidate, b: Candidate): number {
  if (isFallback(a) !== isFallback(b)) return isFallback(a) ? 1 : -1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.strength !== b.strength) return b.strength - a.strength;
  // Plain code-unit order, not localeCompare: the choice must not depend on the server's locale.
  const byFlow = a.version.flowId < b.version.flowId ? -1 : a.version.flowId > b.version.flowId ? 1 : 0;
  if (byFlow !== 0) return byFlow;
  return a.version.versionId < b.version.versionId ? -1 : a.version.versionId > b.version.versionId ? 1 : 0;
}

/**
 * The best candidate whose trigger accepts the message: fallbacks only when nothing else matches;
 * then higher priority first, then keyword over new contact, then flowId so the same inputs always
 * pick the same flow.
 * `hadSession` is accepted for the runner's convenience but does not affect matching.
 */
export function matchTrigger(
  candidates: FlowVersionRef[],
  message: MessageReceived,
  ctx: TriggerMatchContext,
): FlowVersionRef | null {
  const text = normalizeText(message.text);
  const matches = candidates.flatMap((version) => candidateOf(version, text, ctx) ?? []);
  return matches.sort(byRank)[0]?.version ?? null;
}

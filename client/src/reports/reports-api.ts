// The bots report (GET /v1/reports/bots): what the published flows did in a period.
import { api } from '../api/client';
import { readerTimeZone } from '../shared/local-day';

export interface BotFigures {
  conversations: number;
  handedToPerson: number;
  botOnly: number;
}

export interface BotResults {
  totals: BotFigures;
  flows: Array<BotFigures & { flowId: string; name: string }>;
}

export const botResults = (from: string, to: string, signal?: AbortSignal) =>
  api.get<BotResults>(`/v1/reports/bots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { signal });

/** A share in whole percent, or null out of nothing. */
export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((100 * part) / whole));

/** Satisfaction survey answers (GET /v1/reports/csat). */
export interface CsatFigures {
  answers: number;
  great: number;
  ok: number;
  poor: number;
  greatShare: number | null;
}

/** What went out in the period, and the share of it answered by now (null: nothing went out). */
export interface CsatSent {
  sent: number;
  answerRate: number | null;
}

export interface CsatResults extends CsatSent {
  /** Whether closing a chat sends the survey now. */
  surveyOn: boolean;
  totals: CsatFigures;
  agents: Array<CsatFigures & CsatSent & { userId: string | null; name: string | null }>;
}

export const csatResults = (from: string, to: string, signal?: AbortSignal) =>
  api.get<CsatResults>(`/v1/reports/csat?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { signal });

/** Survey answers per day of the reader's calendar (GET /v1/reports/csat/daily). */
export interface CsatByDay {
  timeZone: string;
  days: Array<{ day: string; answers: number; great: number; ok: number; poor: number }>;
}

export const csatByDay = (from: string, to: string, signal?: AbortSignal) =>
  api.get<CsatByDay>(`/v1/reports/csat/daily?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&tz=${encodeURIComponent(readerTimeZone())}`, { signal });

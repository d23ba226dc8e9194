import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { RECIPIENT_STATUSES } from '../campaigns/campaigns.schemas';
import { dailyPeriod, reportPeriod } from './report-period';

/** response-times.service.ts figure: over the handoffs that have one; null when none has. */
const figure = z.object({ p50Ms: z.number().nullable().describe('Median, in milliseconds'), p90Ms: z.number().nullable().describe('90th percentile, in milliseconds'), count: z.int() });
const times = { firstReply: figure.describe('From the handoff to the first human reply'), close: figure.describe('From the handoff to the close') };

/** response-times.service.ts responseTimes: the transfers to people begun in the range. */
const responseTimes = z.object({
  from: z.iso.datetime(), to: z.iso.datetime(),
  handoffs: z.object({
    total: z.int(), answered: z.int().describe('Got a human reply'),
    waiting: z.int().describe("Chats in the inbox's Waiting folder now, whatever the range"),
    unanswered: z.int().describe('Ended (closed, handed back, nobody took it) before any human reply'),
    noAgent: z.int().describe('Unanswered ones returned because nobody took them in time'),
  }),
  agents: z.array(z.object({ userId: z.uuid(), name: z.string().nullable(), ...times })),
  teams: z.array(z.object({ teamId: z.uuid(), name: z.string().nullable(), ...times, unanswered: z.int() })),
});

/** transfers-by-day.ts transfersByDay: every day of the range, those without transfers too. */
const transfersDaily = z.object({
  from: z.iso.datetime(), to: z.iso.datetime(), timeZone: z.string().describe('The zone the days are counted in'),
  days: z.array(z.object({
    day: z.iso.date(), total: z.int().describe('Transfers to people begun that day'),
    answered: z.int().describe('Got a human reply'), unanswered: z.int().describe('Ended before any human reply'),
    open: z.int().describe('Neither yet: no human reply so far'),
  })),
});

/** campaign-results.ts campaignResults: the campaigns that began sending in the range, newest first. */
const campaignResults = z.object({
  from: z.iso.datetime(), to: z.iso.datetime(),
  items: z.array(z.object({
    id: z.uuid(), name: z.string(), status: z.string(), startedAt: z.iso.datetime(), finishedAt: z.iso.datetime().nullable(),
    counts: z.object(Object.fromEntries(['total', ...RECIPIENT_STATUSES].map((s) => [s, z.int()]))).describe('Recipients by the furthest status they reached'),
  })),
  truncated: z.boolean().describe('The range held more than the 1,000 newest campaigns listed'),
});

/** bot-results.ts botResults: what the published flows did in the range. */
const botFigures = {
  conversations: z.int().describe('Conversations a published flow ran in (test chats never count)'),
  handedToPerson: z.int().describe('Of those, the ones its Transfer step passed to a person'),
  botOnly: z.int().describe('Of those, the ones the bot handled alone'),
};
const botResults = z.object({
  from: z.iso.datetime(), to: z.iso.datetime(),
  totals: z.object(botFigures).describe('A conversation that ran two flows counts once'),
  flows: z.array(z.object({ flowId: z.uuid(), name: z.string(), ...botFigures })).describe('Most conversations first'),
});

/** satisfaction.ts satisfactionResults: the survey answers given in the range. */
const csatFigures = {
  answers: z.int().describe('Surveys answered'),
  great: z.int().describe('Answered "great" (score 3)'), ok: z.int().describe('Answered "OK" (score 2)'), poor: z.int().describe('Answered "poor" (score 1)'),
  greatShare: z.number().nullable().describe('great / answers, from 0 to 1; null without answers'),
};
const csatResults = z.object({
  from: z.iso.datetime(), to: z.iso.datetime(),
  surveyOn: z.boolean().describe('Whether the survey is sent now (`satisfactionSurvey` in /v1/settings/inbox)'),
  sent: z.int().describe('Surveys sent in the range (when a person closed a chat they held)'),
  answerRate: z.number().nullable().describe('The share of the surveys sent in the range answered by now, from 0 to 1; null when none was sent'),
  totals: z.object(csatFigures),
  agents: z.array(z.object({
    userId: z.uuid().nullable().describe('Who held the chat at its close (null: no longer a user)'), name: z.string().nullable(), ...csatFigures,
    sent: z.int().describe('Surveys sent in the range for chats this agent closed'),
    answerRate: z.number().nullable().describe('The share of those answered by now; null when none was sent'),
  }))
    .describe('Most answers first'),
});

/** satisfaction-by-day.ts satisfactionByDay: the answers given on each day of the range. */
const csatDaily = z.object({
  from: z.iso.datetime(), to: z.iso.datetime(), timeZone: z.string().describe('The zone the days are counted in'),
  days: z.array(z.object({
    day: z.iso.date(), answers: z.int().describe('Surveys answered that day'),
    great: csatFigures.great, ok: csatFigures.ok, poor: csatFigures.poor,
  })).describe('Every day of the range, oldest first; days without answers have zeros'),
});

export const reportsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/reports/response-times', tag: 'Reports', summary: 'First-response and resolution times (the last 30 days by default, at most 366)', query: reportPeriod, response: responseTimes },
  { method: 'get', path: '/v1/reports/transfers/daily', tag: 'Reports', summary: 'Transfers to people per day of the range, in the time zone `tz` (UTC by default), and what became of them', query: dailyPeriod, response: transfersDaily },
  { method: 'get', path: '/v1/reports/campaigns', tag: 'Reports', summary: 'The campaigns that began sending in the range (the last 30 days by default, at most 366), with their recipients counted by status', query: reportPeriod, response: campaignResults },
  { method: 'get', path: '/v1/reports/bots', tag: 'Reports', summary: 'What the published flows did in the range (the last 30 days by default, at most 366): conversations, and how many were passed to a person', query: reportPeriod, response: botResults },
  { method: 'get', path: '/v1/reports/csat', tag: 'Reports', summary: 'Satisfaction survey answers given in the range (the last 30 days by default, at most 366), in all and per agent who closed the chat', query: reportPeriod, response: csatResults },
  { method: 'get', path: '/v1/reports/csat/daily', tag: 'Reports', summary: 'Satisfaction survey answers per day of the range (by the day of the answer), in the time zone `tz` (UTC by default), by score', query: dailyPeriod, response: csatDaily },
];

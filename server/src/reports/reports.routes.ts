import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { botResults } from './bot-results';
import { campaignResults } from './campaign-results';
import { dailyPeriod, reportPeriod } from './report-period';
import { satisfactionResults } from './satisfaction';
import { satisfactionByDay } from './satisfaction-by-day';
import { responseTimes } from './response-times.service';
import { transfersByDay } from './transfers-by-day';
import { allow } from '../http/access';

export function reportsRoutes(deps: { db: Knex }, requireAuth: RequestHandler): Router {
  const r = Router();
  r.get('/v1/reports/response-times', requireAuth, allow('admin'), async (req, res) => {
    res.json(await responseTimes(deps.db, authOf(req).tenantId, parse(reportPeriod, req.query)));
  });
  r.get('/v1/reports/transfers/daily', requireAuth, allow('admin'), async (req, res) => {
    res.json(await transfersByDay(deps.db, authOf(req).tenantId, parse(dailyPeriod, req.query)));
  });
  r.get('/v1/reports/campaigns', requireAuth, allow('marketing'), async (req, res) => {
    res.json(await campaignResults(deps.db, authOf(req).tenantId, parse(reportPeriod, req.query)));
  });
  r.get('/v1/reports/bots', requireAuth, allow('marketing'), async (req, res) => {
    res.json(await botResults(deps.db, authOf(req).tenantId, parse(reportPeriod, req.query)));
  });
  r.get('/v1/reports/csat', requireAuth, allow('admin'), async (req, res) => {
    res.json(await satisfactionResults(deps.db, authOf(req).tenantId, parse(reportPeriod, req.query)));
  });
  r.get('/v1/reports/csat/daily', requireAuth, allow('admin'), async (req, res) => {
    res.json(await satisfactionByDay(deps.db, authOf(req).tenantId, parse(dailyPeriod, req.query)));
  });
  return r;
}

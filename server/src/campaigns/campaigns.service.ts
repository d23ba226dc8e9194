// Campaign rules: create, start (the audience is frozen then), pause, resume, cancel, progress.
// Knows no HTTP; the sender lives in campaign-sender.ts and the loop in campaign.worker.ts.
import type { Knex } from 'knex';
import { AppError, notFound } from '../http/app-error';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { findFilter } from '../contacts/contact-filters';
import { assertParametersFit, assertPlaceholdersWellFormed } from '../templates/template-send';
import { decodeCursor, encodeCursor } from './cursor';
import { audiencePhones, checkContactIds, resolveAudience } from './audience';
import * as q from './campaigns.queries';
import type { CreateCampaign } from './campaigns.schemas';
import { PAUSE_REASONS, reasonOfMessageError, reasonText } from './recipient-reasons';
import { skipUnreachable } from './skip-at-start';

export type Auth = { tenantId: string; userId: string; role: string };
/** Wakes the sender for a campaign now (or at `at`). */
export type Kick = (tenantId: string, campaignId: string, delayMs?: number) => Promise<void>;

/** Marketing sends are for owners, admins and marketers; agents work the inbox. */
export function assertCanManage(auth: Auth): void {
  if (auth.role === 'agent') throw new AppError('forbidden', 'Only owners, admins and marketers manage campaigns');
}

export async function createCampaign(db: Knex, auth: Auth, body: CreateCampaign, kick: Kick) {
  assertCanManage(auth);
  assertPlaceholdersWellFormed(body.template.parameters);
  const tdb = forTenant(db, auth.tenantId);
  const channel = await tdb.from('channels').where({ id: body.channelId }).first('id', 'type');
  if (!channel) throw notFound('Channel');
  if (body.audience.filterId && !(await findFilter(tdb, body.audience.filterId))) throw notFound('Saved filter');
  if (channel.type !== 'whatsapp_cloud' && channel.type !== 'evolution') throw new AppError('validation_failed', 'Campaigns send on WhatsApp channels only');
  await checkContactIds(tdb, body.channelId, body.audience.contactIds);
  if (body.flowId && !(await tdb.from('flows').where({ id: body.flowId }).whereNull('deleted_at').first('id'))) throw notFound('Flow');
  if (body.template.parameters.header && body.template.parameters.header.type !== 'text' && channel.type === 'evolution') {
    throw new AppError('validation_failed', 'Media headers are sent on WhatsApp Cloud channels only');
  }
  // Known to be unapproved (synced or told by its webhook): refused now rather than at the first send.
  const known = await tdb.from('whatsapp_templates').where({ channel_id: body.channelId, name: body.template.name, language: body.template.language }).first('status', 'components');
  if (known && known.status !== 'APPROVED') throw new AppError('validation_failed', `The template is ${known.status}; only approved templates can be sent`, { templateStatus: known.status });
  // Parameters that do not fit a known template would fail at every recipient: refused as the inbox's send refuses them.
  if (known && channel.type === 'whatsapp_cloud') assertParametersFit(body.template.name, known.components, body.template.parameters);
  const tenant = await db('tenants').where({ id: auth.tenantId }).first('settings');
  const timeZone = body.timeZone ?? (tenant?.settings?.timeZone as string | undefined) ?? 'America/Sao_Paulo';
  // Gateways get numbers banned for bulk sends: slow, random gaps and a small daily cap by default.
  const gateway = channel.type === 'evolution';
  const gap = body.gapSeconds ?? (gateway ? { min: 8, max: 20 } : undefined);
  const row = await q.insertCampaign(tdb, {
    channel_id: body.channelId, name: body.name, status: 'draft', template: JSON.stringify(body.template),
    audience: JSON.stringify({ ...body.audience, phones: await audiencePhones(tdb, body.audience.phones) }), flow_id: body.flowId ?? null,
    scheduled_at: body.scheduledAt ? new Date(body.scheduledAt) : null, time_zone: timeZone,
    window_start: body.window?.start ?? '09:00', window_end: body.window?.end ?? '20:00',
    messages_per_second: body.messagesPerSecond ?? null, daily_limit: body.dailyLimit ?? (gateway ? 200 : null),
    min_gap_ms: gap ? Math.round(gap.min * 1000) : null, max_gap_ms: gap ? Math.round(gap.max * 1000) : null, created_by: auth.userId,
  });
  // A campaign created with a time is scheduled at once; without one it waits for "start".
  const created = { ...row, channel_type: channel.type as string };
  if (body.scheduledAt) return { ...view(created, {}), ...(await startCampaign(db, auth, row.id, kick)) };
  return view(created, {});
}

export async function startCampaign(db: Knex, auth: Auth, id: string, kick: Kick) {
  assertCanManage(auth);
  const tdb = forTenant(db, auth.tenantId);
  const moved = await tdb.transaction(async (tx) => {
    const c = await tx.from('campaigns').where({ id }).forUpdate().first();
    if (!c) throw notFound('Campaign');
    if (c.status !== 'draft') throw new AppError('conflict', `The campaign is ${c.status}`);
    // A scheduled campaign freezes its audience when its time comes (beginScheduled), not now.
    if (c.scheduled_at && new Date(c.scheduled_at).getTime() > Date.now()) return q.moveCampaign(tx, id, ['draft'], { status: 'scheduled' });
    return freezeAndRun(tx, c, ['draft']);
  });
  return kicked(kick, auth.tenantId, moved!);
}

/** The sender is woken now for a running campaign, at its time for a scheduled one. */
async function kicked(kick: Kick, tenantId: string, c: q.CampaignRow) {
  if (c.status === 'running') await kick(tenantId, c.id);
  else await kick(tenantId, c.id, new Date(c.scheduled_at!).getTime() - Date.now());
  return { id: c.id, status: c.status };
}

/** The audience is frozen into recipient rows and the campaign runs. */
async function freezeAndRun(tx: TenantDb, c: q.CampaignRow, from: string[]) {
  // A saved filter is read now: the contacts it selects at the start are the audience, whatever it becomes later.
  const audience = await resolveAudience(tx, c.audience);
  await q.ensurePhoneContacts(tx, c.channel_id, audience.phones);
  await q.freezeAudience(tx, c, audience);
  // Skipped now, as the audience count said, not hours later when the sender reaches them.
  await skipUnreachable(tx, c);
  return q.moveCampaign(tx, c.id, from, { status: 'running', started_at: new Date(), pause_reason: null });
}

/** A scheduled campaign whose time came: frozen and running (once, whoever gets there first). */
export async function beginScheduled(db: Knex, tenantId: string, id: string): Promise<boolean> {
  return forTenant(db, tenantId).transaction(async (tx) => {
    const c = await tx.from('campaigns').where({ id, status: 'scheduled' }).forUpdate().first();
    if (!c) return false;
    return Boolean(await freezeAndRun(tx, c, ['scheduled']));
  });
}

export async function pauseCampaign(db: Knex, auth: Auth, id: string) {
  assertCanManage(auth);
  const row = await q.moveCampaign(forTenant(db, auth.tenantId), id, ['running', 'scheduled'], { status: 'paused', pause_reason: 'by_user' });
  return row ? { id, status: row.status } : conflictOrMissing(db, auth, id);
}

export async function resumeCampaign(db: Knex, auth: Auth, id: string, kick: Kick) {
  assertCanManage(auth);
  const moved = await forTenant(db, auth.tenantId).transaction(async (tx) => {
    const c: q.CampaignRow | undefined = await tx.from('campaigns').where({ id }).forUpdate().first();
    if (!c) throw notFound('Campaign');
    if (c.status !== 'paused') throw new AppError('conflict', `The campaign is ${c.status}`);
    if (c.started_at) return q.moveCampaign(tx, id, ['paused'], { status: 'running', pause_reason: null });
    // Paused while it waited for its time: its audience was never frozen. It waits again, or, when
    // its time has passed meanwhile, starts as it would have then.
    if (c.scheduled_at && new Date(c.scheduled_at).getTime() > Date.now()) return q.moveCampaign(tx, id, ['paused'], { status: 'scheduled', pause_reason: null });
    return freezeAndRun(tx, c, ['paused']);
  });
  return kicked(kick, auth.tenantId, moved!);
}

export async function cancelCampaign(db: Knex, auth: Auth, id: string) {
  assertCanManage(auth);
  const tdb = forTenant(db, auth.tenantId);
  const row = await tdb.transaction(async (tx) => {
    const moved = await q.moveCampaign(tx, id, ['draft', 'scheduled', 'running', 'paused'], { status: 'cancelled', finished_at: new Date() });
    if (moved) await q.skipUnsent(tx, id, 'campaign_cancelled');
    return moved;
  });
  return row ? { id, status: row.status } : conflictOrMissing(db, auth, id);
}

async function conflictOrMissing(db: Knex, auth: Auth, id: string): Promise<never> {
  const c = await q.findCampaign(forTenant(db, auth.tenantId), id);
  if (!c) throw notFound('Campaign');
  throw new AppError('conflict', `The campaign is ${c.status}`);
}

/**
 * Shown wherever a campaign on a gateway number is created or viewed: WhatsApp bans unofficial
 * numbers that send in bulk; the official Cloud API with approved templates is the safe way.
 */
export const GATEWAY_WARNING = {
  code: 'unofficial_number_ban_risk',
  message: 'This number is connected through an unofficial gateway (Evolution). WhatsApp bans numbers like this that send bulk messages. Send marketing through the official WhatsApp Cloud API with approved templates; if you go on, keep the audience small and to people who asked for your messages.',
};

const EMPTY_COUNTS = { total: 0, pending: 0, sent: 0, delivered: 0, read: 0, replied: 0, failed: 0, skipped: 0 };

/** A campaign's `counts`: every status present (0 when none), and their total. */
export const countsView = (counts: Record<string, number>) => ({ ...EMPTY_COUNTS, ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) });

function view(c: q.CampaignRow & { channel_type?: string }, counts: Record<string, number>) {
  return {
    id: c.id, name: c.name, status: c.status, channelId: c.channel_id, channelType: c.channel_type ?? null,
    warnings: c.channel_type === 'evolution' ? [GATEWAY_WARNING] : [], template: c.template, audience: c.audience, flowId: c.flow_id,
    scheduledAt: c.scheduled_at, timeZone: c.time_zone, window: { start: c.window_start, end: c.window_end },
    messagesPerSecond: c.messages_per_second, dailyLimit: c.daily_limit,
    gapSeconds: c.min_gap_ms !== null && c.max_gap_ms !== null ? { min: c.min_gap_ms / 1000, max: c.max_gap_ms / 1000 } : null,
    pauseReason: c.pause_reason, pauseReasonText: c.pause_reason ? (PAUSE_REASONS[c.pause_reason] ?? c.pause_reason) : null,
    startedAt: c.started_at, finishedAt: c.finished_at, createdAt: c.created_at,
    counts: countsView(counts),
  };
}

export async function getCampaign(db: Knex, auth: Auth, id: string) {
  const tdb = forTenant(db, auth.tenantId);
  const c = await q.findCampaign(tdb, id);
  if (!c) throw notFound('Campaign');
  return view(c, await q.countRecipients(tdb, id));
}

export async function listCampaigns(db: Knex, auth: Auth) {
  const tdb = forTenant(db, auth.tenantId);
  const rows = await q.listCampaigns(tdb);
  const counts = await q.countRecipientsOf(tdb, rows.map((c) => c.id));
  return { items: rows.map((c) => view(c, counts.get(c.id) ?? {})) };
}

export async function listRecipients(db: Knex, auth: Auth, id: string, query: { status?: string; cursor?: string; limit: number }) {
  const tdb = forTenant(db, auth.tenantId);
  if (!(await q.findCampaign(tdb, id))) throw notFound('Campaign');
  const rows = await q.pageRecipients(tdb, id, { status: query.status, after: query.cursor ? decodeCursor(query.cursor) : undefined, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => {
      const reason = r.reason ?? (r.status === 'failed' ? reasonOfMessageError(r.message_error) : null);
      return {
        contactId: r.contact_id, status: r.status, reason, reasonText: reasonText(reason), messageId: r.sent_at ? r.message_id : null,
        conversationId: r.conversation_id, contact: { name: r.contact_name, phone: r.contact_phone }, sentAt: r.sent_at,
      };
    }),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.id) : null,
  };
}

/** Every running or scheduled campaign of the channel sending this template stops, with the reason. */
export async function pauseForTemplate(db: Knex, job: { tenantId: string; channelId: string; name: string; language: string; reason: string }): Promise<number> {
  const rows = await forTenant(db, job.tenantId).from('campaigns').where({ channel_id: job.channelId }).whereIn('status', ['running', 'scheduled'])
    .whereRaw("template->>'name' = ? AND template->>'language' = ?", [job.name, job.language]).select('id');
  for (const r of rows) await pauseForProblem(db, job.tenantId, r.id, job.reason, ['running', 'scheduled']);
  return rows.length;
}

/** Told to the owner (and every listener) when the sender had to stop a campaign. */
export async function pauseForProblem(db: Knex, tenantId: string, id: string, reason: string, from = ['running']): Promise<boolean> {
  return forTenant(db, tenantId).transaction(async (tx) => {
    const row = await q.moveCampaign(tx, id, from, { status: 'paused', pause_reason: reason });
    if (row) await publishEvents(tx, [{ type: 'campaign.paused', payload: { campaignId: id, name: row.name, reason, message: PAUSE_REASONS[reason] ?? reason } }]);
    return Boolean(row);
  });
}

// "Test this flow": the builder's simulator runs the DRAFT through the real pipeline. The draft is
// snapshotted as a test-only version, and a fresh simulator conversation is pinned to it so the
// tester's first message enters at the trigger whatever its keywords.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { flowDocumentSchema, validateFlow } from '@zyntra/flows-schema';
import { forTenant } from '../db/tenant-db';
import { assertDraftRunnable } from '../flows/flows.limits';
import { AppError, notFound } from '../http/app-error';
import type { UiLocale } from '../http/ui-locale';
import type { VisitorTokens } from './visitor-tokens';
import { findDraft, findOrCreateSimulatorChannel, insertTestRun } from './webchat.queries';

/** The test contact is named in the tester's language (users keep no language: the request's). */
const TEST_CONTACT_NAME: Record<UiLocale, string> = { 'pt-BR': 'Teste', en: 'Test' };

export async function startTestRun(deps: { db: Knex; visitors: VisitorTokens }, auth: { tenantId: string; userId: string }, flowId: string, locale: UiLocale = 'en') {
  const tdb = forTenant(deps.db, auth.tenantId);
  const flow = await findDraft(tdb, flowId);
  if (!flow) throw notFound('Flow');
  assertDraftRunnable(flow.draft);
  // Unfinished drafts may be tested (the engine stops safely at a missing edge); only a document
  // that is not a flow at all cannot run.
  const parsed = flowDocumentSchema.safeParse(flow.draft);
  if (!parsed.success) {
    throw new AppError('flow_invalid', 'This draft cannot run yet', { problems: validateFlow(flow.draft) });
  }
  const visitorId = randomUUID();
  const { channelId, conversationId } = await tdb.transaction(async (tx) => {
    const channelId = await findOrCreateSimulatorChannel(tx, locale);
    const run = await insertTestRun(tx, { flowId, document: parsed.data, userId: auth.userId, channelId, visitorId, contactName: TEST_CONTACT_NAME[locale] });
    return { channelId, conversationId: run.conversationId };
  });
  const visitorToken = await deps.visitors.sign({ tenantId: auth.tenantId, channelId, visitorId });
  return { conversationId, channelId, visitorId, visitorToken };
}

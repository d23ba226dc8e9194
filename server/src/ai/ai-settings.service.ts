// Saving a workspace's own AI provider decides where its conversations are sent, so the save and its
// audit entry (who, which address and model, whether a key was set or removed) are one transaction.
// The key itself is never logged: only that one was set or removed.
import type { Knex } from 'knex';
import { recordAudit } from '../audit/audit.queries';
import { forTenant } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import type { Caller } from '../http/auth';
import { refusedWhenSaved, type AllowList, type Resolver } from '../net';
import type { Sealer } from '../security/seal';
import { readLlmSettings, writeLlmSettings, type StoredLlmSettings } from './ai-settings.queries';

export type AiSettingsInput = { baseUrl: string; model?: string; apiKey?: string } | { baseUrl: null };

/** What happened to the key: a new one, cleared, left as it was, or there was none before or after. */
type KeyChange = 'set' | 'removed' | 'kept' | 'none';

function keyChange(previous: StoredLlmSettings | null, input: AiSettingsInput): KeyChange {
  const had = Boolean(previous?.apiKeyEnc);
  if (input.baseUrl !== null && input.apiKey) return 'set';
  if (input.baseUrl !== null && input.apiKey === undefined) return had ? 'kept' : 'none';
  return had ? 'removed' : 'none';
}

export type AiSettingsDeps = { db: Knex; sealer: Sealer; allow: AllowList; resolve?: Resolver };

/**
 * Refused now rather than when a customer is waiting for a reply: an address on a private or local
 * network that OUTBOUND_ALLOW_HOSTS does not open, checked as every call checks it.
 */
async function assertReachable(deps: Pick<AiSettingsDeps, 'allow' | 'resolve'>, baseUrl: string): Promise<void> {
  const refused = await refusedWhenSaved(new URL(baseUrl), deps.allow, deps.resolve);
  if (refused) throw new AppError('validation_failed', refused.message, { field: 'baseUrl', reason: refused.kind, range: refused.detail.range });
}

export async function saveAiSettings(deps: AiSettingsDeps, caller: Caller, input: AiSettingsInput): Promise<void> {
  if (input.baseUrl !== null) await assertReachable(deps, input.baseUrl);
  await deps.db.transaction(async (trx) => {
    // Held until commit, so two saves at once each log what they really replaced.
    const previous = await readLlmSettings(trx, caller.tenantId, { lock: true });
    let next: StoredLlmSettings | null = null;
    if (input.baseUrl !== null) {
      // Omitting apiKey keeps the stored one, so the form never needs to show it again; a write
      // re-seals it with the current ENCRYPTION_KEY.
      const kept = previous?.apiKeyEnc ? deps.sealer.reseal(previous.apiKeyEnc) : null;
      const apiKeyEnc = input.apiKey === undefined ? kept : input.apiKey ? deps.sealer.seal(input.apiKey) : null;
      next = { baseUrl: input.baseUrl, model: input.model || null, apiKeyEnc };
    }
    await writeLlmSettings(trx, caller.tenantId, next);
    const apiKey = keyChange(previous, input);
    const baseUrl = next?.baseUrl ?? null;
    const model = next?.model ?? null;
    // Saving the form unchanged is not a change worth an entry.
    if (baseUrl === (previous?.baseUrl ?? null) && model === (previous?.model ?? null) && (apiKey === 'kept' || apiKey === 'none')) return;
    await recordAudit(forTenant(trx, caller.tenantId), {
      actorUserId: caller.userId, action: 'ai_settings.changed', targetType: 'ai_settings', targetId: caller.tenantId,
      data: { baseUrl, model, apiKey, ...(previous && previous.baseUrl !== baseUrl ? { previousBaseUrl: previous.baseUrl } : {}) },
    });
  });
}

// After ENCRYPTION_KEY is rotated (the old key moved to ENCRYPTION_KEYS_PREVIOUS), re-seals every
// stored secret with the current key, in pages, so the previous key can then be dropped. Safe to run
// again and while the servers run: values already current are skipped, and a secret that cannot be
// opened with any configured key is counted and left as it is.
import type { Knex } from 'knex';
import { SEALED_FIELDS, type SealedField } from './reseal.queries';
import type { Sealer } from './seal';

export type ResealCount = { resealed: number; current: number; unreadable: number };
export type ResealReport = Record<string, ResealCount>;

/**
 * Rows whose value holds several sealed secrets (a flow document's credentials), re-sealed whole by
 * the module that knows where they sit. `replace` writes only over the exact value that was read.
 */
export type SealedDocuments = {
  page(db: Knex, afterId: string | null, limit: number): Promise<Array<{ id: string; tenant_id: string; doc: unknown }>>;
  reseal(doc: unknown, sealer: Sealer): { doc: unknown; count: ResealCount };
  replace(db: Knex, row: { id: string; tenant_id: string; doc: unknown }, doc: unknown): Promise<boolean>;
};

const PAGE = 200;

/** Every row of a place, page after page in id order. */
async function* rowsOf<R extends { id: string }>(page: (afterId: string | null, limit: number) => Promise<R[]>): AsyncGenerator<R> {
  let afterId: string | null = null;
  for (;;) {
    const rows = await page(afterId, PAGE);
    yield* rows;
    if (rows.length < PAGE) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

/**
 * One stored secret on the current key, or null when it already is (counted current) or opens with
 * no configured key (counted unreadable). Whether a re-sealed value is written is the caller's to count.
 */
export function resealValue(sealer: Pick<Sealer, 'isCurrent' | 'reseal'>, sealed: string, count: ResealCount): string | null {
  if (sealer.isCurrent(sealed)) {
    count.current += 1;
    return null;
  }
  try {
    return sealer.reseal(sealed);
  } catch {
    count.unreadable += 1;
    return null;
  }
}

async function resealField(db: Knex, sealer: Sealer, field: SealedField): Promise<ResealCount> {
  const count: ResealCount = { resealed: 0, current: 0, unreadable: 0 };
  for await (const row of rowsOf((afterId, limit) => field.page(db, afterId, limit))) {
    const resealed = resealValue(sealer, row.sealed, count);
    if (resealed === null) continue;
    // false: the workspace wrote a new secret meanwhile, sealed with the current key anyway.
    if (await field.replace(db, row, resealed)) count.resealed += 1;
    else count.current += 1;
  }
  return count;
}

async function resealDocuments(db: Knex, sealer: Sealer, field: SealedDocuments): Promise<ResealCount> {
  const count: ResealCount = { resealed: 0, current: 0, unreadable: 0 };
  for await (const row of rowsOf((afterId, limit) => field.page(db, afterId, limit))) {
    const { doc, count: found } = field.reseal(row.doc, sealer);
    count.current += found.current;
    count.unreadable += found.unreadable;
    if (found.resealed === 0) continue;
    // false: the document was saved meanwhile, its new credentials sealed with the current key.
    if (await field.replace(db, row, doc)) count.resealed += found.resealed;
    else count.current += found.resealed;
  }
  return count;
}

/** `documents`: the places that keep several secrets in one value, named by the modules that own them. */
export async function resealAll(db: Knex, sealer: Sealer, documents: Record<string, SealedDocuments> = {}): Promise<ResealReport> {
  const report: ResealReport = {};
  for (const [name, field] of Object.entries(SEALED_FIELDS)) report[name] = await resealField(db, sealer, field);
  for (const [name, field] of Object.entries(documents)) report[name] = await resealDocuments(db, sealer, field);
  return report;
}
